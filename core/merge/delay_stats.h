#pragma once

#include "merge/merged_capture.h"

#include <vector>

namespace tcpladder {

// Minimum, median and 99th percentile (nearest rank) of one-way delays.
// Reorders `delays`.
DelayStats delayStats(std::vector<TimeNs>& delays);

} // namespace tcpladder
