#pragma once

#include <cstdint>

namespace tcpladder::bench::sim {

inline constexpr std::int64_t microsecond = 1000;
inline constexpr std::int64_t millisecond = 1000 * microsecond;

// Linux defaults, so the handshake and window values look like a real client and server.
inline constexpr int windowShift = 7;
inline constexpr std::uint16_t clientSynWindow = 64240;
inline constexpr std::uint16_t serverSynWindow = 65160;
inline constexpr std::uint32_t clientInitialWindow = 502U << windowShift;
inline constexpr std::uint32_t clientMaxWindow = 6U << 20;
inline constexpr std::uint16_t serverWindowRaw = 509;
inline constexpr std::uint32_t initialCwndSegments = 10;
inline constexpr std::uint32_t maxCwnd = 4U << 20;
inline constexpr std::int64_t delayedAckNs = 40 * millisecond;
inline constexpr std::int64_t minRtoNs = 200 * millisecond;
// Keeps a retransmission later than the handshake RTT plus the client's ACK delay, the bound
// Wireshark uses to tell a retransmission from an out-of-order segment.
inline constexpr std::int64_t serverReactionNs = 100 * microsecond;
inline constexpr std::uint32_t frameOverheadBytes = 14 + 20 + 32 + 4;

} // namespace tcpladder::bench::sim
