#include "messages/application_summarizer.h"

#include "messages/dns_tcp_parser.h"
#include "messages/http_parser.h"
#include "messages/ssh_banner.h"
#include "messages/stream_assembler.h"
#include "messages/stream_text.h"
#include "messages/text_line.h"
#include "messages/tls_parser.h"

#include <algorithm>

namespace tcpladder {
namespace {

constexpr std::uint8_t kDetectSegments = 5; // the first and detectProtocol()'s next four
constexpr std::size_t kLook = 512;

// RFC 1982 distance from `from` to `to`.
std::int64_t seqDistance(std::uint32_t from, std::uint32_t to) {
    return static_cast<std::int32_t>(to - from);
}

AssembledStream prefixStream(const std::string& bytes, const SummaryPacket& packet) {
    StreamAssembler assembler(bytes.size());
    if (!bytes.empty())
        assembler.add(packet.frame, packet.time, 0, 0, static_cast<std::uint32_t>(bytes.size()),
                      {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    return assembler.finish();
}

const std::string* firstField(const std::vector<Message>& messages, bool toServer,
                              const char* name) {
    for (const Message& m : messages)
        if (m.toServer == toServer)
            if (const std::string* value = m.field(name))
                return value;
    return nullptr;
}

} // namespace

ApplicationSummarizer::ApplicationSummarizer() = default;
ApplicationSummarizer::~ApplicationSummarizer() = default;

void ApplicationSummarizer::add(int side, const TcpSegment& segment,
                                std::span<const std::uint8_t> captured,
                                const SummaryPacket& packet) {
    if (m_state == State::Done)
        return;
    Order& order = m_order[side];
    if (segment.flags & kSyn) {
        if (!m_clientKnown) {
            m_clientSide = (segment.flags & kAck) ? 1 - side : side;
            m_clientKnown = true;
        }
        if (!order.started) {
            order.started = true;
            order.next = segment.seq + 1;
        }
    }
    if (segment.payloadLength == 0)
        return;
    // Data on a SYN (TCP Fast Open) begins after the SYN's own number.
    const std::uint32_t seq = segment.seq + ((segment.flags & kSyn) ? 1 : 0);
    if (!order.started) {
        order.started = true;
        order.next = seq;
    }
    deliver(side, seq, segment.payloadLength, captured, packet);
}

void ApplicationSummarizer::deliver(int side, std::uint32_t seq, std::uint32_t length,
                                    std::span<const std::uint8_t> captured,
                                    const SummaryPacket& packet) {
    Order& order = m_order[side];
    const std::int64_t distance = seqDistance(order.next, seq);
    if (distance + length <= 0)
        return; // old data again: a retransmission or a keep-alive
    if (distance > 0) {
        if (order.ahead.size() < kMaxAhead && captured.size() <= kMaxAheadBytes) {
            order.ahead.push_back(
                {seq, length, std::vector<std::uint8_t>(captured.begin(), captured.end()), packet});
            return;
        }
        // Too much arrived early: the bytes missing before the earliest
        // segment (this one or one that waits) are lost to us.
        const bool thisEarliest =
            std::all_of(order.ahead.begin(), order.ahead.end(),
                        [&](const Ahead& a) { return seqDistance(order.next, a.seq) > distance; });
        if (thisEarliest) {
            gap(side, static_cast<std::uint64_t>(distance), packet);
            order.next = seq;
        } else {
            flushEarliest(side, packet);
        }
        deliver(side, seq, length, captured, packet);
        return;
    }
    // Overlapping old data: only the new bytes count.
    const auto skip = static_cast<std::uint32_t>(-distance);
    const std::span<const std::uint8_t> fresh =
        skip < captured.size() ? captured.subspan(skip) : std::span<const std::uint8_t>{};
    order.next = seq + length;
    // Bytes that wait behind these may belong to the same message, which
    // then began with the earliest of them.
    SummaryPacket carried = packet;
    for (const Ahead& ahead : order.ahead) {
        if (ahead.packet.firstFrame < carried.firstFrame) {
            carried.firstFrame = ahead.packet.firstFrame;
            carried.firstTime = ahead.packet.firstTime;
        }
    }
    segment(side, fresh, length - skip, carried);
    drainAhead(side, packet);
}

void ApplicationSummarizer::flushEarliest(int side, const SummaryPacket& packet) {
    Order& order = m_order[side];
    if (order.ahead.empty()) {
        return;
    }
    const auto earliest = std::min_element(
        order.ahead.begin(), order.ahead.end(), [&](const Ahead& a, const Ahead& b) {
            return seqDistance(order.next, a.seq) < seqDistance(order.next, b.seq);
        });
    const std::int64_t distance = seqDistance(order.next, earliest->seq);
    const SummaryPacket filler = earliest->packet;
    if (distance > 0) {
        gap(side, static_cast<std::uint64_t>(distance), packet);
        order.next = earliest->seq;
    }
    drainAhead(side, filler);
}

void ApplicationSummarizer::drainAhead(int side, const SummaryPacket& filler) {
    Order& order = m_order[side];
    for (bool progress = true; progress && !order.ahead.empty();) {
        progress = false;
        for (std::size_t i = 0; i < order.ahead.size(); ++i) {
            if (seqDistance(order.next, order.ahead[i].seq) > 0)
                continue;
            Ahead ahead = std::move(order.ahead[i]);
            order.ahead.erase(order.ahead.begin() + static_cast<long>(i));
            // Its bytes were complete in stream order only once the hole
            // before them was filled.
            SummaryPacket packet = ahead.packet;
            if (filler.frame > packet.frame) {
                packet.frame = filler.frame;
                packet.time = filler.time;
            }
            deliver(side, ahead.seq, ahead.length, ahead.bytes, packet);
            progress = true;
            break;
        }
    }
    if (order.ahead.empty())
        order.ahead.shrink_to_fit();
}

void ApplicationSummarizer::segment(int side, std::span<const std::uint8_t> captured,
                                    std::uint32_t length, const SummaryPacket& packet) {
    Order& order = m_order[side];
    if (order.segments < kDetectSegments)
        ++order.segments;
    // A server that answers a request line with a TLS record or an SSH
    // banner speaks that, as detectProtocol() decides from both sides.
    if (m_state == State::Http && !fromClient(side) && order.segments == 1 &&
        m_summary.responses == 0) {
        const auto look = captured.first(std::min(captured.size(), kLook));
        if (looksLikeTls(look) || looksLikeSsh(look)) {
            m_http.reset();
            m_summary = ApplicationSummary{};
            m_state = State::Detecting;
        }
    }
    if (m_state == State::Detecting) {
        detect(side, captured);
        if (m_state == State::Detecting) {
            if (m_order[0].segments >= kDetectSegments && m_order[1].segments >= kDetectSegments)
                m_state = State::Done;
            return;
        }
    }
    if (m_http)
        m_http->segmentStart(fromClient(side));
    if (m_tls)
        m_tls->segmentStart(fromClient(side), captured);
    bytes(side, captured, packet);
    if (length > captured.size())
        gap(side, length - captured.size(), packet);
}

void ApplicationSummarizer::detect(int side, std::span<const std::uint8_t> captured) {
    const auto look = captured.first(std::min(captured.size(), kLook));
    const bool client = fromClient(side);
    const bool clientSilent = m_order[m_clientSide].segments == 0;
    if (m_order[side].segments > kDetectSegments)
        return;
    if (looksLikeTls(look)) {
        m_state = State::Tls;
        m_summary.protocol = MessageProtocol::Tls;
        m_tls = std::make_unique<TlsSummarizer>(m_summary);
    } else if (looksLikeSsh(look)) {
        m_state = State::Prefix;
        m_summary.protocol = MessageProtocol::Ssh;
    } else if (looksLikeHttp(look) && (client || clientSilent)) {
        m_state = State::Http;
        m_summary.protocol = MessageProtocol::Http;
        m_http = std::make_unique<HttpSummarizer>(m_summary);
        // Without a handshake the side that asks is the client.
        if (!m_clientKnown && asText(look).starts_with("HTTP/1.") == client)
            m_clientSide = 1 - m_clientSide;
    } else if (looksLikeDnsTcp(look) && (client || clientSilent)) {
        m_state = State::Prefix;
        m_summary.protocol = MessageProtocol::Dns;
    } else if (!client && looksLikeTextGreeting(look)) {
        m_state = State::Prefix;
        m_summary.protocol = MessageProtocol::Text;
    }
}

void ApplicationSummarizer::bytes(int side, std::span<const std::uint8_t> data,
                                  const SummaryPacket& packet) {
    switch (m_state) {
    case State::Http:
        m_http->bytes(fromClient(side), data, packet);
        break;
    case State::Tls:
        m_tls->bytes(fromClient(side), data);
        break;
    case State::Prefix: {
        std::string& prefix = m_prefix[side];
        if (m_prefixClosed[side])
            break;
        if (prefix.empty())
            m_prefixPacket[side] = packet;
        const std::size_t room = kPrefixBytes - std::min(kPrefixBytes, prefix.size());
        prefix.append(reinterpret_cast<const char*>(data.data()), std::min(room, data.size()));
        m_prefixClosed[side] = prefix.size() >= kPrefixBytes;
        if (m_prefixClosed[0] && m_prefixClosed[1])
            finishPrefix();
        break;
    }
    default:
        break;
    }
}

void ApplicationSummarizer::gap(int side, std::uint64_t length, const SummaryPacket& packet) {
    if (m_state == State::Http)
        m_http->gap(fromClient(side), length, packet);
    else if (m_state == State::Tls)
        m_tls->gap(fromClient(side), length);
    else if (m_state == State::Prefix && !m_prefixClosed[side]) {
        // Bytes after a hole are not the stream's next bytes: stop collecting.
        m_prefixClosed[side] = true;
        m_summary.truncated = true;
    }
}

void ApplicationSummarizer::finishPrefix() {
    const int client = m_clientSide;
    const AssembledStream clientStream = prefixStream(m_prefix[client], m_prefixPacket[client]);
    const AssembledStream serverStream =
        prefixStream(m_prefix[1 - client], m_prefixPacket[1 - client]);
    std::vector<Message> messages;
    switch (*m_summary.protocol) {
    case MessageProtocol::Dns: {
        parseDnsTcp(clientStream, true, messages);
        parseDnsTcp(serverStream, false, messages);
        const std::string* name = firstField(messages, true, "qname");
        const std::string* type = firstField(messages, true, "qtype");
        if (name && type)
            m_summary.clientText = *name + ' ' + *type;
        if (const std::string* rcode = firstField(messages, false, "rcode"))
            m_summary.serverText = *rcode;
        break;
    }
    case MessageProtocol::Ssh:
        parseSshBanner(clientStream, true, messages);
        parseSshBanner(serverStream, false, messages);
        if (const std::string* banner = firstField(messages, true, "banner"))
            m_summary.clientText = *banner;
        if (const std::string* banner = firstField(messages, false, "banner"))
            m_summary.serverText = *banner;
        break;
    default:
        parseTextLines(clientStream, true, messages);
        parseTextLines(serverStream, false, messages);
        if (const std::string* line = firstField(messages, true, "line"))
            m_summary.clientText = *line;
        if (const std::string* line = firstField(messages, false, "line"))
            m_summary.serverText = *line;
        break;
    }
    m_prefix = {};
    m_state = State::Done;
}

ApplicationSummary ApplicationSummarizer::finish() {
    // Segments still waiting for bytes that never came follow a hole.
    for (int side = 0; side < 2; ++side)
        while (!m_order[side].ahead.empty() && m_state != State::Done)
            flushEarliest(side, m_order[side].ahead.front().packet);
    if (m_state == State::Http)
        m_http->finish();
    else if (m_state == State::Tls)
        m_tls->finish();
    else if (m_state == State::Prefix)
        finishPrefix();
    m_http.reset();
    m_tls.reset();
    m_state = State::Done;
    return std::move(m_summary);
}

} // namespace tcpladder
