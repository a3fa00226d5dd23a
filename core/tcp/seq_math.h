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

// A 32-bit sequence number placed in 64-bit space next to `reference` (a
// number already unwrapped): within 2^31 of it, so a transfer past 4 GiB
// climbs on instead of wrapping to zero.
constexpr std::int64_t unwrapSeq(std::uint32_t value, std::int64_t reference) {
    return reference + seqDistance(value, static_cast<std::uint32_t>(reference));
}

} // namespace tcpladder
