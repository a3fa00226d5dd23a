#pragma once

#include "common/time_ns.h"
#include "merge/merged_capture.h"

#include <optional>
#include <vector>

namespace tcpladder {

// A packet seen at both points: when it passed point 0 (point 0's clock) and
// point 1's time minus point 0's, in the direction it travelled.
struct OffsetSample {
    TimeNs time0 = 0;
    TimeNs difference = 0;  // time at point 1 minus time at point 0
    bool fromPoint0 = true; // passed point 0 first
};

// Bounds point 1's clock minus point 0's from both sides: a packet from 0 to
// 1 puts it at most at its difference, one from 1 to 0 at least at its. When
// the samples span long enough to tell, a drift is fitted first (the middle
// of the bound per stretch of time, by least squares) and the bound is taken
// on what remains, at the first sample's time. A side without samples is
// bounded by the other alone and the estimate lies on that bound (zero delay
// that way), which the notes say.
ClockOffset estimateClockOffset(const std::vector<OffsetSample>& samples,
                                std::vector<std::string>& notes);

} // namespace tcpladder
