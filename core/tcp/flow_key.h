#pragma once

#include "decode/ip_address.h"

#include <cstdint>
#include <cstring>

namespace tcpladder {

// The 4-tuple of a TCP connection without a direction: both directions of a
// connection produce the same key and the same hash, so one lookup per packet
// finds the connection whichever side sent it.
struct FlowKey {
    IpAddress lowAddress;
    IpAddress highAddress;
    std::uint16_t lowPort = 0;
    std::uint16_t highPort = 0;

    static FlowKey make(const IpAddress& src, std::uint16_t srcPort, const IpAddress& dst,
                        std::uint16_t dstPort) {
        const bool srcIsLow = src < dst || (src == dst && srcPort <= dstPort);
        if (srcIsLow) {
            return FlowKey{src, dst, srcPort, dstPort};
        }
        return FlowKey{dst, src, dstPort, srcPort};
    }

    friend bool operator==(const FlowKey&, const FlowKey&) = default;
};

// 64-bit mix (splitmix64 finaliser) over the key's bytes; good enough spread
// for an open-addressing table whose size is a power of two.
inline std::uint64_t hashFlowKey(const FlowKey& key) {
    auto mix = [](std::uint64_t h, std::uint64_t v) {
        h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebULL;
        return h ^ (h >> 31);
    };
    std::uint64_t words[4];
    std::memcpy(&words[0], key.lowAddress.bytes.data(), 16);
    std::memcpy(&words[2], key.highAddress.bytes.data(), 16);
    std::uint64_t h = (std::uint64_t{key.lowPort} << 32) | (std::uint64_t{key.highPort} << 16) |
                      (key.lowAddress.isV6 ? 1u : 0u);
    for (std::uint64_t w : words) {
        h = mix(h, w);
    }
    return h;
}

} // namespace tcpladder
