#pragma once

#include "common/time_ns.h"

#include <cstdint>

namespace tcpladder {

// The packet whose bytes a summarizer is reading: the one that completed
// them in stream order, and the earliest of those that carried them (they
// differ when segments arrived out of order). A message begins at the
// earliest and ends at the completing one, as readConnectionMessages() has it.
struct SummaryPacket {
    std::uint64_t frame = 0;
    TimeNs time = 0;
    std::uint64_t firstFrame = 0;
    TimeNs firstTime = 0;

    static SummaryPacket at(std::uint64_t frame, TimeNs time) { return {frame, time, frame, time}; }
};

} // namespace tcpladder
