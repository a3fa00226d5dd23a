#pragma once

#include "chart/chart_content.h"
#include "chart/chart_request.h"

#include <cstddef>
#include <optional>

namespace tcpladder::ui {

// A click on the chart, in data units, with the pixel size to measure
// distances on screen.
struct ChartClick {
    TimeNs time = 0;
    double value = 0;
    double nsPerPixel = 1;
    double valuePerPixel = 1;
    double radius = 8; // pixels
};

// The packet drawn nearest to the click within its radius: on the sequence
// chart a segment's bar or an ACK on the ACK line, on the RTT chart the ACK
// of the nearest sample (request.rttSamples), elsewhere the nearest of the
// packets the chart is drawn from (by time).
std::optional<std::size_t> findPacketAt(ChartKind kind, const ChartRequest& request,
                                        const ChartClick& click);

// Where the chart draws a packet (time, value) for highlighting it; nothing
// for a packet the chart does not draw.
std::optional<ChartPoint> packetPosition(ChartKind kind, const ChartRequest& request,
                                         std::size_t index);

} // namespace tcpladder::ui
