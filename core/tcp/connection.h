#pragma once

#include "common/time_ns.h"
#include "decode/ip_address.h"

#include <array>
#include <cstdint>

namespace tcpladder {

struct Endpoint {
    IpAddress address;
    std::uint16_t port = 0;

    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

// Sides are named by who spoke first: side 0 ("A") sent the connection's first
// packet. Which side is the client is decided from the whole connection
// (ORACLE.md: first SYN, else first SYN+ACK, else the port rule).
enum Side : std::uint8_t { kSideA = 0, kSideB = 1 };

struct Connection {
    std::uint32_t id = 0;
    std::array<Endpoint, 2> endpoints; // indexed by Side
    std::uint64_t firstFrame = 0;
    std::uint64_t lastFrame = 0;
    TimeNs firstTime = 0;
    TimeNs lastTime = 0;
    std::array<std::uint64_t, 2> packets{};
    std::array<std::uint64_t, 2> payloadBytes{};
    // Evidence for the client: -1 until seen.
    std::int8_t firstSynSender = -1;    // SYN without ACK
    std::int8_t firstSynAckSender = -1; // SYN+ACK
    // The absolute sequence number each side's relative numbers count from
    // (its ISN when the SYN was captured), so that the same packet can be
    // recognised in another capture whose relative numbers start elsewhere.
    std::array<std::uint32_t, 2> baseSeq{};

    Side clientSide() const;
    Side serverSide() const { return clientSide() == kSideA ? kSideB : kSideA; }
    const Endpoint& client() const { return endpoints[clientSide()]; }
    const Endpoint& server() const { return endpoints[serverSide()]; }
};

} // namespace tcpladder
