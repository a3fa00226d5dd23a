#include "messages/connection_messages.h"

#include "capture/packet_rereader.h"
#include "decode/packet_decoder.h"
#include "load/loaded_capture.h"
#include "messages/dns_tcp_parser.h"
#include "messages/http_parser.h"
#include "messages/protocol_detector.h"
#include "messages/ssh_banner.h"
#include "messages/stream_assembler.h"
#include "messages/text_line.h"
#include "messages/tls_parser.h"
#include "tcp/analysis_flags.h"

#include <algorithm>

namespace tcpladder {
namespace {

// Each response answers the oldest unanswered request; informational (1xx)
// responses come before the final one and answer nothing.
void pairHttp(std::vector<Message>& messages) {
    std::vector<std::size_t> requests;
    std::vector<std::size_t> responses;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        if (messages[i].kind == MessageKind::HttpRequest)
            requests.push_back(i);
        else if (messages[i].kind == MessageKind::HttpResponse) {
            const std::string* code = messages[i].field("code");
            if (!code || code->front() != '1')
                responses.push_back(i);
        }
    }
    std::sort(responses.begin(), responses.end(), [&](std::size_t a, std::size_t b) {
        return messages[a].streamOffset < messages[b].streamOffset;
    });
    std::sort(requests.begin(), requests.end(), [&](std::size_t a, std::size_t b) {
        return messages[a].streamOffset < messages[b].streamOffset;
    });
    for (std::size_t n = 0; n < std::min(requests.size(), responses.size()); ++n) {
        Message& request = messages[requests[n]];
        Message& response = messages[responses[n]];
        request.pair = static_cast<std::int64_t>(responses[n]);
        response.pair = static_cast<std::int64_t>(requests[n]);
        response.thinkTime = response.firstTime - request.lastTime;
        response.timeToLastByte = response.lastTime - request.lastTime;
    }
}

void sortMessages(std::vector<Message>& out) {
    std::stable_sort(out.begin(), out.end(), [](const Message& a, const Message& b) {
        if (a.firstFrame != b.firstFrame)
            return a.firstFrame < b.firstFrame;
        if (a.toServer != b.toServer)
            return a.toServer;
        return a.streamOffset < b.streamOffset;
    });
}

} // namespace

ConnectionMessages readMessages(const AssembledStream& client, const AssembledStream& server) {
    ConnectionMessages result;
    std::vector<Message>& out = result.messages;
    result.protocol = detectProtocol(client, server);
    if (!result.protocol) {
        if (const auto tls = findTlsAfterPreamble(client, server)) {
            result.protocol = MessageProtocol::Tls;
            parseTls(client, true, out, tls->client);
            parseTls(server, false, out, tls->server);
            sortMessages(out);
        }
        return result;
    }
    switch (*result.protocol) {
    case MessageProtocol::Http:
        parseHttp(client, server, out);
        break;
    case MessageProtocol::Tls:
        parseTls(client, true, out);
        parseTls(server, false, out);
        break;
    case MessageProtocol::Dns:
        parseDnsTcp(client, true, out);
        parseDnsTcp(server, false, out);
        break;
    case MessageProtocol::Ssh:
        parseSshBanner(client, true, out);
        parseSshBanner(server, false, out);
        break;
    case MessageProtocol::Text: {
        // After STARTTLS the lines stop where TLS records begin.
        const std::uint64_t clientStop = parseTextLines(client, true, out);
        const std::uint64_t serverStop = parseTextLines(server, false, out);
        if (looksLikeTls(client.bytesAt(clientStop, 5))) {
            parseTls(client, true, out, clientStop);
            parseTls(server, false, out, serverStop);
        }
        break;
    }
    }
    sortMessages(out);
    if (*result.protocol == MessageProtocol::Http)
        pairHttp(out);
    return result;
}

Result<ConnectionMessages> readConnectionMessages(const LoadedCapture& capture,
                                                  std::uint32_t connection) {
    if (connection >= capture.connections.size())
        return Error{"no such connection"};
    if (!capture.rereadUnavailable.empty())
        return Error{capture.rereadUnavailable};
    const Connection& c = capture.connections[connection];
    StreamAssembler assemblers[2];
    PacketDecoder decoder;
    DecodedTcp tcp;
    std::uint64_t payload[2] = {0, 0};
    capture.packets.forEachChunk(connection, [&](const PacketRecord* records, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i)
            payload[records[i].side() == c.clientSide() ? 0 : 1] += records[i].payloadLength();
    });
    assemblers[0].reserve(payload[0]);
    assemblers[1].reserve(payload[1]);
    std::string failure;
    capture.packets.forEachChunk(connection, [&](const PacketRecord* records, std::size_t count) {
        for (std::size_t i = 0; i < count && failure.empty(); ++i) {
            const PacketRecord& record = records[i];
            StreamAssembler& assembler = assemblers[record.side() == c.clientSide() ? 0 : 1];
            // A keep-alive's byte is old data sent again only to provoke an
            // ACK; Wireshark leaves it out of the stream, and so do we.
            if (record.analysis() & kKeepAlive)
                continue;
            if (record.payloadLength() == 0 && !(record.flags() & kSyn)) {
                assembler.add(record.frame(), record.time(), 0, record.flags(), 0, {});
                continue;
            }
            auto bytes = capture.reread(record.fileOffset());
            if (!bytes) {
                failure = bytes.error();
                return;
            }
            RawPacket raw;
            raw.data = bytes->data.data();
            raw.capturedLength = static_cast<std::uint32_t>(bytes->data.size());
            raw.originalLength = bytes->originalLength;
            raw.linkType = capture.connectionLinkTypes[connection];
            // A segment whose header lies in an earlier fragment cannot be
            // decoded alone; its bytes stay a hole.
            if (!decoder.decode(raw, tcp))
                continue;
            assembler.add(record.frame(), record.time(), tcp.segment.seq, tcp.segment.flags,
                          tcp.segment.payloadLength, {tcp.payload, tcp.payloadCaptured});
        }
    });
    if (!failure.empty())
        return Error{failure};
    const AssembledStream client = assemblers[0].finish();
    const AssembledStream server = assemblers[1].finish();
    return readMessages(client, server);
}

} // namespace tcpladder
