#pragma once

#include "chart/chart_content.h"
#include "chart/chart_request.h"

namespace tcpladder::ui {

// The tcptrace-style time-sequence chart of one direction: each data segment
// as a bar from its relative sequence number to seq+len (retransmissions and
// out-of-order segments apart, so they can be coloured), the receiver's ACK
// line and the window limit (ACK + scaled window) above it as steps, SACK
// blocks when few enough ACKs are in range, and zero-window, SYN, FIN and RST
// marks. Reduced to a few points per pixel column of the request.
ChartContent buildSequenceChart(const ChartRequest& request);

// The analysis bits that draw a segment as a retransmission.
bool isRetransmission(std::uint16_t analysis);

} // namespace tcpladder::ui
