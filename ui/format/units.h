#pragma once

#include "common/time_ns.h"

#include <QString>
#include <cstdint>

namespace tcpladder::ui {

// Short human forms with units for table cells and panels: three significant
// digits, so that a column of mixed magnitudes still reads at a glance.
QString formatDuration(TimeNs duration);  // "45.2 µs", "12.3 ms", "1.25 s", "2 min 05 s"
QString formatBytes(std::uint64_t bytes); // "512 B", "12.4 kB", "3.20 MB" (SI, as Wireshark)
QString formatCount(std::uint64_t count); // "1,234,567"
// A position on the capture's timeline, in seconds with millisecond digits.
QString formatOffset(TimeNs offset); // "12.345 s"

} // namespace tcpladder::ui
