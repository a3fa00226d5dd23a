#pragma once

#include <array>
#include <cstdint>

namespace tcpladder {

enum TcpFlag : std::uint8_t {
    kFin = 0x01,
    kSyn = 0x02,
    kRst = 0x04,
    kPsh = 0x08,
    kAck = 0x10,
    kUrg = 0x20,
    kEce = 0x40,
    kCwr = 0x80,
};

struct SackBlock {
    std::uint32_t left = 0;
    std::uint32_t right = 0;
};

// TCP options as far as the analysis and the details pane need them.
struct TcpOptions {
    std::int16_t mss = -1;        // -1: absent
    std::int8_t windowScale = -1; // shift count as sent (may exceed 14); -1: absent
    bool sackPermitted = false;
    bool hasTimestamps = false;
    std::uint32_t tsValue = 0;
    std::uint32_t tsEcho = 0;
    std::uint8_t sackCount = 0;
    std::array<SackBlock, 4> sack{};
};

// One TCP header as decoded from a frame, with the payload length taken from
// the IP header (not the captured length).
struct TcpSegment {
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;        // F S R P A U E C, as on the wire
    std::uint8_t headerLength = 0; // bytes
    std::uint16_t window = 0;      // raw field
    std::uint16_t urgentPointer = 0;
    std::uint32_t payloadLength = 0;
    TcpOptions options;
};

} // namespace tcpladder
