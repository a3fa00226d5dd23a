#pragma once

#include "analysis/connection_summary.h"
#include "analysis/time_index.h"
#include "common/time_ns.h"
#include "load/loaded_capture.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tcpladder {

struct TimelineThresholds {
    // Silences at least this long are cut out of the true-time axis and drawn
    // as a break, so a keep-alive minute does not become a blank screen.
    TimeNs idleBreak = kNsPerSecond;
    // Silences at least this long while data waits for its ACK are stalls.
    TimeNs stall = 200'000'000;
};

// A silence between two consecutive packets, in time since the connection's
// first packet.
struct Silence {
    std::size_t before = 0; // index of the packet that ends it
    TimeNs begin = 0;
    TimeNs end = 0;
    // Bytes sent but not yet acknowledged when it began (largest of both sides).
    std::uint32_t outstanding = 0;
    bool outstandingFromClient = false;
    // Time removed from the axis by the breaks before this one (breaks only).
    TimeNs removedBefore = 0;

    TimeNs length() const { return end - begin; }
};

// What one pass over a connection's packets tells about its course in time:
// silences, stalls, the summary with its milestones, and the time index.
struct ConnectionTimeline {
    std::size_t packetCount = 0;
    TimeNs duration = 0;         // latest packet time since the first
    std::vector<Silence> breaks; // cut from the true-time axis, in time order
    std::vector<Silence> stalls; // silences with data in flight, in time order
    // The median positive inter-packet gap of the first few
    // thousand, from which the default zoom is chosen.
    TimeNs typicalGap = 1'000'000;
    PacketTimeIndex timeIndex;
};

// One pass over the connection's packets; also fills `summary` from the same
// pass when given, so that a connection's packets are read once.
ConnectionTimeline buildConnectionTimeline(const LoadedCapture& capture, std::uint32_t connection,
                                           const TimelineThresholds& thresholds = {},
                                           ConnectionSummary* summary = nullptr);

// The stalls alone (the report's question three), by the same rule.
std::vector<Silence> findStalls(const LoadedCapture& capture, std::uint32_t connection,
                                const TimelineThresholds& thresholds = {});

} // namespace tcpladder
