#pragma once

#include "chart/chart_content.h"
#include "merge/merged_capture.h"

namespace tcpladder::ui {

// One-way delay between the two capture points over time, one line per
// direction, from the packets seen at both points: queueing between the
// points shows as a rising line. Times count from the connection's first
// packet at either point; a packet's point is when it passed the sender-side
// point.
ChartContent buildOneWayDelayChart(const MergedCapture& merged, const MergedConnection& connection);

} // namespace tcpladder::ui
