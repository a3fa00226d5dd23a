#include "support/dialogue.h"

#include "support/packet_builder.h"

#include <algorithm>
#include <cstdio>

namespace tcpladder::test {
namespace {
constexpr std::int64_t kMs = 1'000'000;
} // namespace

Dialogue::Dialogue() : Dialogue("10.0.0.1", 50000, "10.0.0.2", 8080, 0) {}

Dialogue::Dialogue(std::string client, std::uint16_t clientPort, std::string server,
                   std::uint16_t serverPort, std::int64_t startMs)
    : m_clientAddress(std::move(client)), m_serverAddress(std::move(server)),
      m_clientPort(clientPort), m_serverPort(serverPort) {
    segment(true, 0x02, {}, startMs);
    segment(false, 0x12, {}, startMs + 1);
    segment(true, 0x10, {}, startMs + 2);
}

Dialogue& Dialogue::send(bool fromClient, const std::string& payload, std::int64_t atMs,
                         std::int64_t offset) {
    Side& side = fromClient ? m_client : m_server;
    const std::uint32_t at = offset < 0 ? side.sent : static_cast<std::uint32_t>(offset);
    segment(fromClient, 0x18, Bytes(payload.begin(), payload.end()), atMs, at);
    side.sent = std::max<std::uint32_t>(side.sent, at + static_cast<std::uint32_t>(payload.size()));
    return *this;
}

Dialogue& Dialogue::fin(bool fromClient, std::int64_t atMs) {
    segment(fromClient, 0x11, {}, atMs, (fromClient ? m_client : m_server).sent);
    return *this;
}

std::shared_ptr<const LoadedCapture> Dialogue::load(std::uint32_t snapLength) const {
    std::vector<Frame> frames = m_frames;
    for (Frame& frame : frames) {
        if (frame.bytes.size() > snapLength) {
            frame.originalLength = static_cast<std::uint32_t>(frame.bytes.size());
            frame.bytes.resize(snapLength);
        }
    }
    auto file = std::make_shared<TemporaryFile>(
        buildPcap(frames, {.nanosecond = true, .snapLength = snapLength}));
    auto loaded = loadCapture(file->path());
    if (!loaded || loaded.value()->connections.size() != 1) {
        std::fprintf(stderr, "the capture did not load as one connection\n");
        return nullptr;
    }
    // Messages re-read the file: it lives as long as the capture.
    std::shared_ptr<const LoadedCapture> capture = loaded.value();
    return std::shared_ptr<const LoadedCapture>(capture.get(), [capture, file](auto*) {});
}

ConnectionMessages Dialogue::messages(std::uint32_t snapLength) const {
    const auto capture = load(snapLength);
    if (!capture)
        return {};
    const auto read = readConnectionMessages(*capture, 0);
    if (!read) {
        std::fprintf(stderr, "%s\n", read.error().c_str());
        return {};
    }
    return read.value();
}

void Dialogue::segment(bool fromClient, std::uint8_t flags, const Bytes& payload, std::int64_t atMs,
                       std::uint32_t offset) {
    const Side& own = fromClient ? m_client : m_server;
    const Side& other = fromClient ? m_server : m_client;
    TcpSpec spec{.srcPort = fromClient ? m_clientPort : m_serverPort,
                 .dstPort = fromClient ? m_serverPort : m_clientPort,
                 .seq = (flags & 0x02) ? own.isn : own.isn + 1 + offset,
                 .ack = (flags & 0x10) ? other.isn + 1 + other.sent : 0,
                 .flags = flags,
                 .payloadLength = static_cast<std::uint32_t>(payload.size())};
    Bytes header = tcp(spec);
    std::copy(payload.begin(), payload.end(), header.end() - static_cast<long>(payload.size()));
    const Bytes ip = fromClient ? ipv4(m_clientAddress, m_serverAddress, kProtoTcp, header)
                                : ipv4(m_serverAddress, m_clientAddress, kProtoTcp, header);
    m_frames.push_back({kStart + atMs * kMs, ethernet(0x0800, ip)});
}

std::string tlsRecord(std::uint8_t type, const std::string& body) {
    std::string record = {static_cast<char>(type), 3, 3, static_cast<char>(body.size() >> 8),
                          static_cast<char>(body.size() & 0xFF)};
    return record + body;
}

std::string be16(std::size_t value) {
    return {static_cast<char>(value >> 8), static_cast<char>(value & 0xFF)};
}

// A ClientHello with server_name and ALPN extensions, as a handshake message.
std::string clientHello(const std::string& sni, const std::string& alpn) {
    const std::string name = std::string(1, '\0') + be16(sni.size()) + sni;
    const std::string serverName = be16(0) + be16(name.size() + 2) + be16(name.size()) + name;
    const std::string protocols = std::string(1, static_cast<char>(alpn.size())) + alpn;
    const std::string alpnExt =
        be16(16) + be16(protocols.size() + 2) + be16(protocols.size()) + protocols;
    const std::string extensions = serverName + alpnExt;
    std::string body = "\x03\x03" + std::string(32, 'r') + std::string(1, '\0') + be16(2) +
                       "\x13\x01" + "\x01" + std::string(1, '\0') + be16(extensions.size()) +
                       extensions;
    return std::string(1, '\x01') + '\0' + be16(body.size()) + body;
}

} // namespace tcpladder::test
