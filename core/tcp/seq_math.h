#pragma once

#include <cstdint>

namespace tcpladder {

// Sequence numbers compared modulo 2^32 (RFC 1982 serial number arithmetic),
// the same way Wireshark's LT_SEQ/GT_SEQ do: a is "before" b when the signed
// distance from b to a is negative.
constexpr std::int32_t seqDistance(std::uint32_t a, std::uint32_t b) {
    return static_cast<std::int32_t>(a - b);
}

constexpr bool seqLess(std::uint32_t a, std::uint32_t b) {
    return seqDistance(a, b) < 0;
}
constexpr bool seqLessEqual(std::uint32_t a, std::uint32_t b) {
    return seqDistance(a, b) <= 0;
}
constexpr bool seqGreater(std::uint32_t a, std::uint32_t b) {
    return seqDistance(a, b) > 0;
}

} // namespace tcpladder
