#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tcpladder::bench {

namespace tcp_flags {
inline constexpr std::uint8_t fin = 0x01;
inline constexpr std::uint8_t syn = 0x02;
inline constexpr std::uint8_t rst = 0x04;
inline constexpr std::uint8_t psh = 0x08;
inline constexpr std::uint8_t ack = 0x10;
} // namespace tcp_flags

enum class OptionLayout : std::uint8_t {
    None,       // RSTs answering segments of an aborted connection carry no options on Linux
    Handshake,  // MSS, SACK permitted, timestamps, window scale
    Timestamps, // timestamps, plus SACK blocks when sackCount > 0
};

struct SackBlock {
    std::uint32_t left = 0;
    std::uint32_t right = 0;
};

// One captured segment, kept as numbers: bytes are only produced when it is written, so a
// connection waiting in the scheduler costs tens of bytes per packet, not a frame.
struct PacketSpec {
    std::int64_t timeNs = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint32_t tsVal = 0;
    std::uint32_t tsEcr = 0;
    std::uint32_t payloadOffset = 0; // stream offset of the first payload byte
    std::array<SackBlock, 3> sack{};
    std::uint16_t payloadLen = 0;
    std::uint16_t window = 0;
    std::uint16_t ipId = 0;
    std::uint8_t flags = 0;
    std::uint8_t sackCount = 0;
    bool fromClient = false;
    OptionLayout options = OptionLayout::Timestamps;
};

struct Endpoints {
    std::uint32_t clientIp = 0;
    std::uint32_t serverIp = 0;
    std::uint16_t clientPort = 0;
    std::uint16_t serverPort = 0;
    std::array<std::uint8_t, 6> clientMac{};
    std::array<std::uint8_t, 6> routerMac{};
    std::uint8_t clientTtl = 64;
    std::uint8_t serverTtl = 64;
};

// What the generator decides about a connection before simulating it.
struct ConnectionPlan {
    std::uint64_t index = 0;
    std::uint64_t seed = 0;
    std::int64_t startNs = 0;
    std::uint32_t bodyBytes = 0;
    std::uint16_t segmentPayload = 1448;
    double lossRate = 0.0;
    double reorderRate = 0.0;
    bool zeroWindow = false;
    bool clientReset = false;
    // The client's FIN also acknowledges the server's, instead of a separate ACK first.
    bool quickClose = false;
};

struct ConnectionStats {
    std::uint32_t dropped = 0;
    std::uint32_t retransmitted = 0;
    std::uint32_t reordered = 0;
    std::uint32_t zeroWindowEpisodes = 0;
    std::uint32_t windowProbes = 0;
    bool reset = false;
};

struct Connection {
    Endpoints endpoints;
    std::string request;
    std::string responseHeader;
    // TLS on port 443: the request is a ClientHello, the response header a
    // ServerHello and ChangeCipherSpec, the body application data records
    // of `tlsBodyBytes` in all.
    bool tls = false;
    std::uint32_t tlsBodyBytes = 0;
    std::vector<PacketSpec> packets; // in capture order
    ConnectionStats stats;
};

} // namespace tcpladder::bench
