#pragma once

#include <cstdint>
#include <string>

namespace tcpladder {

// Time is integer nanoseconds since the epoch everywhere in the core; doubles
// appear only at the edge where something is drawn.
using TimeNs = std::int64_t;

constexpr TimeNs kNsPerSecond = 1'000'000'000;

// "S.NNNNNNNNN", the form Wireshark's frame.time_epoch and the oracle use.
std::string formatSeconds(TimeNs ns);

} // namespace tcpladder
