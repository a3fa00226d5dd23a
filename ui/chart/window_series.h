#pragma once

#include "chart/chart_content.h"
#include "chart/chart_request.h"

namespace tcpladder::ui {

// The receiver's advertised (scaled) window and the sender's bytes in flight
// (highest byte sent minus the latest ACK) over time, with zero-window marks:
// where in-flight meets the window, the receiver is what holds the sender back.
ChartContent buildWindowChart(const ChartRequest& request);

} // namespace tcpladder::ui
