#pragma once

#include "chart/chart_content.h"
#include "chart/chart_request.h"

namespace tcpladder::ui {

// Throughput (all payload bytes the sender put on the wire) and goodput (the
// bytes that were new) over a moving window of request.throughputWindow, in
// bits per second. The moving sum changes when a segment enters the window
// and again when it leaves it, so both are followed exactly and a stall
// drops the line to zero one window after the last segment.
ChartContent buildThroughputChart(const ChartRequest& request);

// A window of about a hundredth of `span`, rounded to 1, 2 or 5 times a power
// of ten, at least a microsecond.
TimeNs automaticThroughputWindow(TimeNs span);

} // namespace tcpladder::ui
