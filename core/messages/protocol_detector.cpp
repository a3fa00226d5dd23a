#include "messages/protocol_detector.h"

#include "messages/dns_tcp_parser.h"
#include "messages/http_parser.h"
#include "messages/ssh_banner.h"
#include "messages/text_line.h"
#include "messages/tls_parser.h"

namespace tcpladder {

std::optional<MessageProtocol> detectProtocol(const AssembledStream& client,
                                              const AssembledStream& server) {
    constexpr std::size_t kLook = 512;
    const auto c = client.bytesAt(0, kLook);
    const auto s = server.bytesAt(0, kLook);
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

} // namespace tcpladder
