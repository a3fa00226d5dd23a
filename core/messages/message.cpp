#include "messages/message.h"

#include <cstdio>

namespace tcpladder {

std::string formatByteSize(std::uint64_t bytes) {
    if (bytes < 1000)
        return std::to_string(bytes) + " B";
    static const char* const units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = static_cast<double>(bytes) / 1000.0;
    int unit = 0;
    while (value >= 999.95 && unit < 5) {
        value /= 1000.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

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
