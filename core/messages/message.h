#pragma once

#include "common/time_ns.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tcpladder {

enum class MessageProtocol : std::uint8_t { Http, Tls, Dns, Ssh, Text };

enum class MessageKind : std::uint8_t {
    HttpRequest,
    HttpResponse,
    TlsHandshake,          // one handshake message (ClientHello, Certificate, ...)
    TlsEncryptedHandshake, // after ChangeCipherSpec: Finished and what follows, unreadable
    TlsChangeCipherSpec,
    TlsAlert,
    TlsApplicationData, // a run of consecutive application data records
    DnsQuery,
    DnsResponse,
    SshBanner,
    TextLine,
};

struct MessageField {
    std::string name;
    std::string value;
};

// One application message, read from the in-order byte stream of one
// direction. Frames and times span every packet that carried its bytes: the
// first is where it began, the last where the receiver had all of it (the
// frame at which Wireshark shows it, once reassembled).
struct Message {
    bool toServer = true;
    MessageProtocol protocol = MessageProtocol::Http;
    MessageKind kind = MessageKind::HttpRequest;
    std::uint64_t streamOffset = 0; // bytes from the direction's first payload byte
    // The stream bytes it spans, body included; a TLS handshake message spans
    // to the end of the record that completes it.
    std::uint64_t length = 0;
    std::uint64_t firstFrame = 0;
    std::uint64_t lastFrame = 0;
    TimeNs firstTime = 0;
    TimeNs lastTime = 0;
    std::string label; // "GET /api/orders", "200 OK · 8.8 kB", "Alert fatal handshake_failure"
    std::vector<MessageField> fields;
    // The capture lacks some of its bytes (snaplen, loss, the end of the
    // capture) or a length field pointed past them.
    bool truncated = false;
    // HTTP: the index of the paired request or response in the message list.
    std::int64_t pair = -1;
    // HTTP responses: from the request's last byte to this response's first
    // (the server's think time) and to its last byte; -1 when unknown.
    TimeNs thinkTime = -1;
    TimeNs timeToLastByte = -1;

    const std::string* field(const std::string& name) const {
        for (const MessageField& f : fields)
            if (f.name == name)
                return &f.value;
        return nullptr;
    }
};

const char* protocolName(MessageProtocol protocol);
const char* kindName(MessageKind kind);

} // namespace tcpladder
