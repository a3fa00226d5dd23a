#pragma once

#include "messages/connection_messages.h"
#include "support/capture_writer.h"
#include "support/packet_builder.h"

#include <cstdint>
#include <string>
#include <vector>

// Connections whose payloads are real application bytes, for the message
// parsers and for the ladder's message labels:
//
//     Dialogue d;                                  // frames 1-3: the handshake
//     d.send(true, "GET /a HTTP/1.1\r\n\r\n", 10)  // frame 4 at 10 ms
//      .send(false, "HTTP/1.1 204 No Content\r\n\r\n", 30);
//     TemporaryFile file(buildPcap(d.frames(), {.nanosecond = true}));
namespace tcpladder::test {

// One connection told segment by segment: sequence numbers follow what each
// side sent unless a step gives its own offset (for retransmissions and
// reordering). Frame n is the n-th step.
class Dialogue {
public:
    static constexpr std::int64_t kStart = 1'700'000'000'000'000'000;

    Dialogue();

    // Sends `payload` at `atMs`; `offset` is the stream offset of its first
    // byte (the side's next byte by default).
    Dialogue& send(bool fromClient, const std::string& payload, std::int64_t atMs,
                   std::int64_t offset = -1);
    Dialogue& fin(bool fromClient, std::int64_t atMs);

    // The frames, each cut to at most `snapLength` bytes.
    std::vector<Frame> frames(std::uint32_t snapLength = 65535) const;
    // Loads the capture from a file (so that packets can be re-read) and
    // reads its messages; empty, with a warning, when that fails.
    ConnectionMessages messages(std::uint32_t snapLength = 65535) const;

private:
    struct Side {
        std::uint32_t isn;
        std::uint32_t sent = 0; // stream bytes sent so far
    };

    void segment(bool fromClient, std::uint8_t flags, const Bytes& payload, std::int64_t atMs,
                 std::uint32_t offset = 0);

    Side m_client{1000};
    Side m_server{90000};
    std::vector<Frame> m_frames;
};

// A TLS record of `type` (22 handshake, 21 alert, 20 change cipher spec, 23 data).
std::string tlsRecord(std::uint8_t type, const std::string& body);
std::string be16(std::size_t value);
// A ClientHello with server_name and ALPN extensions, as a handshake message.
std::string clientHello(const std::string& sni, const std::string& alpn);

} // namespace tcpladder::test
