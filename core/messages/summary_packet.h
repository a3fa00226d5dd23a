#pragma once

#include "common/time_ns.h"

#include <cstdint>

namespace tcpladder {

// The packet whose bytes a summarizer is reading.
struct SummaryPacket {
    std::uint64_t frame = 0;
    TimeNs time = 0;
};

} // namespace tcpladder
