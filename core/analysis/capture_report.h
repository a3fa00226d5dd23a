#pragma once

#include "analysis/connection_facts.h"
#include "analysis/connection_timeline.h"
#include "analysis/slow_rule.h"
#include "load/loaded_capture.h"
#include "tcp/endpoint_pattern.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tcpladder {

struct ReportOptions {
    // Set: only connections to this server count, in every question.
    std::optional<EndpointPattern> server;
    SlowRule slow;
    TimelineThresholds thresholds;
};

// Loss, stalls or zero windows on one connection.
struct TroubleFinding {
    std::uint32_t connection = 0;
    std::size_t stalls = 0;
    TimeNs stalledTime = 0; // all stalls together
    TimeNs longestStall = 0;
    std::uint64_t longestStallBytes = 0; // in flight during the longest stall
    bool longestStallFromClient = false;
};

// The three usual questions about a capture, answered by the rules the
// desktop application shows: the first slow connection, the connections the
// client cut short, and those with loss, stalls or zero windows.
struct CaptureReport {
    std::vector<ConnectionFacts> facts; // by connection id
    std::optional<std::uint32_t> firstSlow;
    std::vector<std::uint32_t> cutShort; // in order of start
    std::vector<TroubleFinding> trouble; // worst first
};

// Worst first: the most time stalled, then the most retransmissions, then
// the most zero windows, then the earliest.
bool worseTrouble(const TroubleFinding& a, const TroubleFinding& b,
                  const std::vector<ConnectionFacts>& facts);

CaptureReport buildCaptureReport(const LoadedCapture& capture, const ReportOptions& options);

} // namespace tcpladder
