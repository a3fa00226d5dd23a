#pragma once

#include "load/capture_loader.h"
#include "messages/connection_messages.h"
#include "support/capture_writer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tcpladder::test {

// One connection told segment by segment, with real payload bytes, for the
// application-message tests: sequence numbers follow what each side sent
// unless a step gives its own offset (for retransmissions and reordering).
// The handshake is frames 1-3; frame n is the n-th step.
class Dialogue {
public:
    static constexpr std::int64_t kStart = 1'700'000'000'000'000'000;

    Dialogue();
    // Between the given endpoints, its handshake starting `startMs` after
    // kStart; step times are then relative to kStart too.
    Dialogue(std::string client, std::uint16_t clientPort, std::string server,
             std::uint16_t serverPort, std::int64_t startMs);

    // Sends `payload` at `atMs`; `offset` is the stream offset of its first
    // byte (the side's next byte by default).
    Dialogue& send(bool fromClient, const std::string& payload, std::int64_t atMs,
                   std::int64_t offset = -1);
    Dialogue& fin(bool fromClient, std::int64_t atMs);

    // The capture, keeping at most `snapLength` bytes of each frame; null
    // (with a warning) when it does not load as one connection.
    std::shared_ptr<const LoadedCapture> load(std::uint32_t snapLength = 65535) const;
    const std::vector<Frame>& frames() const { return m_frames; }
    // Its messages as readConnectionMessages() reads them.
    ConnectionMessages messages(std::uint32_t snapLength = 65535) const;

private:
    struct Side {
        std::uint32_t isn;
        std::uint32_t sent = 0; // stream bytes sent so far
    };

    void segment(bool fromClient, std::uint8_t flags, const std::vector<std::uint8_t>& payload,
                 std::int64_t atMs, std::uint32_t offset = 0);

    std::string m_clientAddress = "10.0.0.1";
    std::string m_serverAddress = "10.0.0.2";
    std::uint16_t m_clientPort = 50000;
    std::uint16_t m_serverPort = 8080;
    Side m_client{1000};
    Side m_server{90000};
    std::vector<Frame> m_frames;
};

// TLS building blocks: a record, and a ClientHello handshake message with
// server_name and ALPN extensions.
std::string tlsRecord(std::uint8_t type, const std::string& body);
std::string be16(std::size_t value);
std::string clientHello(const std::string& sni, const std::string& alpn);

} // namespace tcpladder::test
