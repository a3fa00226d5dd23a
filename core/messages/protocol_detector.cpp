#include "messages/protocol_detector.h"

#include "messages/dns_tcp_parser.h"
#include "messages/http_parser.h"
#include "messages/ssh_banner.h"
#include "messages/text_line.h"
#include "messages/tls_parser.h"

namespace tcpladder {

namespace {

std::optional<MessageProtocol> detectAt(const AssembledStream& client, std::uint64_t clientAt,
                                        const AssembledStream& server, std::uint64_t serverAt) {
    constexpr std::size_t kLook = 512;
    const auto c = client.bytesAt(clientAt, kLook);
    const auto s = server.bytesAt(serverAt, kLook);
    if (looksLikeTls(c) || looksLikeTls(s))
        return MessageProtocol::Tls;
    if (looksLikeSsh(c) || looksLikeSsh(s))
        return MessageProtocol::Ssh;
    if (looksLikeHttp(c) || (c.empty() && looksLikeHttp(s)))
        return MessageProtocol::Http;
    if (looksLikeDnsTcp(c) || (c.empty() && looksLikeDnsTcp(s)))
        return MessageProtocol::Dns;
    if (looksLikeTextGreeting(s))
        return MessageProtocol::Text;
    return std::nullopt;
}

} // namespace

std::optional<MessageProtocol> detectProtocol(const AssembledStream& client,
                                              const AssembledStream& server) {
    if (const auto protocol = detectAt(client, 0, server, 0))
        return protocol;
    // A capture begun mid-connection may start inside a message (or with a
    // keep-alive's stray byte): the next segments may begin one.
    constexpr std::size_t kSegments = 4;
    const auto clientStarts = client.segmentStarts(kSegments);
    const auto serverStarts = server.segmentStarts(kSegments);
    for (std::size_t i = 0; i < kSegments; ++i) {
        const std::uint64_t c = i < clientStarts.size() ? clientStarts[i] : client.end();
        const std::uint64_t s = i < serverStarts.size() ? serverStarts[i] : server.end();
        if (const auto protocol = detectAt(client, c, server, s))
            return protocol;
    }
    return std::nullopt;
}

std::optional<TlsStart> findTlsAfterPreamble(const AssembledStream& client,
                                             const AssembledStream& server) {
    constexpr std::size_t kSegments = 8;
    constexpr std::uint8_t kClientHello = 1;
    std::optional<TlsStart> start;
    for (std::uint64_t at : client.segmentStarts(kSegments)) {
        const auto bytes = client.bytesAt(at, 6);
        if (looksLikeTls(bytes) && bytes.size() == 6 && bytes[5] == kClientHello) {
            start = TlsStart{at, server.end()};
            break;
        }
    }
    if (!start)
        return std::nullopt;
    for (std::uint64_t at : server.segmentStarts(kSegments)) {
        if (looksLikeTls(server.bytesAt(at, 5))) {
            start->server = at;
            break;
        }
    }
    return start;
}

} // namespace tcpladder
