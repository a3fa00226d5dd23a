#pragma once

#include "common/time_ns.h"

#include <cstdint>
#include <string>

namespace tcpladder {

// Durations and byte counts for people, with three significant digits
// ("51.3 ms", "5.70 kB", "2 min 05 s"); the desktop application and the
// command-line report write them the same way.
std::string durationText(TimeNs duration);
std::string bytesText(std::uint64_t bytes);

} // namespace tcpladder
