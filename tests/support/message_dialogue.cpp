#include "support/message_dialogue.h"

#include "load/capture_loader.h"

#include <algorithm>
#include <cstdio>

namespace tcpladder::test {

Dialogue::Dialogue() {
    segment(true, 0x02, {}, 0);
    segment(false, 0x12, {}, 1);
    segment(true, 0x10, {}, 2);
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

std::vector<Frame> Dialogue::frames(std::uint32_t snapLength) const {
    std::vector<Frame> frames = m_frames;
    for (Frame& frame : frames) {
        if (frame.bytes.size() > snapLength) {
            frame.originalLength = static_cast<std::uint32_t>(frame.bytes.size());
            frame.bytes.resize(snapLength);
        }
    }
    return frames;
}

ConnectionMessages Dialogue::messages(std::uint32_t snapLength) const {
    TemporaryFile file(
        buildPcap(frames(snapLength), {.nanosecond = true, .snapLength = snapLength}));
    const auto loaded = loadCapture(file.path());
    if (!loaded || loaded.value()->connections.size() != 1) {
        std::fprintf(stderr, "the capture did not load as one connection\n");
        return {};
    }
    const auto read = readConnectionMessages(*loaded.value(), 0);
    if (!read) {
        std::fprintf(stderr, "%s\n", read.error().c_str());
        return {};
    }
    return read.value();
}

void Dialogue::segment(bool fromClient, std::uint8_t flags, const Bytes& payload, std::int64_t atMs,
                       std::uint32_t offset) {
    constexpr std::int64_t kMs = 1'000'000;
    const Side& own = fromClient ? m_client : m_server;
    const Side& other = fromClient ? m_server : m_client;
    TcpSpec spec{.srcPort = fromClient ? std::uint16_t{50000} : std::uint16_t{8080},
                 .dstPort = fromClient ? std::uint16_t{8080} : std::uint16_t{50000},
                 .seq = (flags & 0x02) ? own.isn : own.isn + 1 + offset,
                 .ack = (flags & 0x10) ? other.isn + 1 + other.sent : 0,
                 .flags = flags,
                 .payloadLength = static_cast<std::uint32_t>(payload.size())};
    Bytes header = tcp(spec);
    std::copy(payload.begin(), payload.end(), header.end() - static_cast<long>(payload.size()));
    const Bytes ip = fromClient ? ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, header)
                                : ipv4("10.0.0.2", "10.0.0.1", kProtoTcp, header);
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
