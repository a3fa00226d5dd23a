#include "messages/message.h"

namespace tcpladder {

const char* protocolName(MessageProtocol protocol) {
    switch (protocol) {
    case MessageProtocol::Http:
        return "HTTP";
    case MessageProtocol::Tls:
        return "TLS";
    case MessageProtocol::Dns:
        return "DNS";
    case MessageProtocol::Ssh:
        return "SSH";
    case MessageProtocol::Text:
        return "text";
    }
    return "?";
}

const char* kindName(MessageKind kind) {
    switch (kind) {
    case MessageKind::HttpRequest:
        return "request";
    case MessageKind::HttpResponse:
        return "response";
    case MessageKind::TlsHandshake:
        return "handshake";
    case MessageKind::TlsEncryptedHandshake:
        return "encrypted-handshake";
    case MessageKind::TlsChangeCipherSpec:
        return "change-cipher-spec";
    case MessageKind::TlsAlert:
        return "alert";
    case MessageKind::TlsApplicationData:
        return "application-data";
    case MessageKind::DnsQuery:
        return "query";
    case MessageKind::DnsResponse:
        return "response";
    case MessageKind::SshBanner:
        return "banner";
    case MessageKind::TextLine:
        return "line";
    }
    return "?";
}

} // namespace tcpladder
