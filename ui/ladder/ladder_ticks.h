#pragma once

#include "common/time_ns.h"

#include <QString>
#include <vector>

namespace tcpladder::ui {

// The ruler's step: 1, 2 or 5 × 10^k nanoseconds, the smallest that keeps
// ticks at least `minSpacing` pixels apart.
TimeNs tickStep(double pixelsPerSecond, double minSpacing);
// Multiples of `step` within [begin, end].
std::vector<TimeNs> tickTimes(TimeNs begin, TimeNs end, TimeNs step);
// "250 ms", "1.25 s", "40 µs": the unit follows the time, the decimals the step.
QString tickLabel(TimeNs time, TimeNs step);

} // namespace tcpladder::ui
