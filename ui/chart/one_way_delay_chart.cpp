#include "chart/one_way_delay_chart.h"

#include "merged/merged_sides.h"

#include <algorithm>
#include <limits>

namespace tcpladder::ui {

ChartContent buildOneWayDelayChart(const MergedCapture& merged,
                                   const MergedConnection& connection) {
    ChartContent content;
    content.kind = ChartKind::OneWayDelay;
    content.valueKind = ValueKind::Duration;
    ChartSeries toServer{SeriesRole::DelayToServer, {}, {}};
    ChartSeries toClient{SeriesRole::DelayToClient, {}, {}};
    if (!connection.bothSides() || connection.packets.empty()) {
        content.series = {toServer, toClient};
        content.note = "One-way delay needs the connection at both capture points";
        return content;
    }
    TimeNs origin = std::numeric_limits<TimeNs>::max();
    TimeNs last = std::numeric_limits<TimeNs>::min();
    for (const MergedPacket& packet : connection.packets) {
        for (int point = 0; point < 2; ++point) {
            if (packet.seenAt(point)) {
                origin = std::min(origin, packet.time[point]);
                last = std::max(last, packet.time[point]);
            }
        }
    }
    const Side client = mergedClientSide(merged, connection);
    double low = 0;
    double high = 0;
    for (const MergedPacket& packet : connection.packets) {
        if (!packet.seenAt(0) || !packet.seenAt(1))
            continue;
        const int from = drawnSenderPoint(merged, connection, packet.sender);
        const TimeNs delay = packet.time[otherPoint(from)] - packet.time[from];
        const double value = static_cast<double>(delay);
        low = std::min(low, value);
        high = std::max(high, value);
        ChartSeries& series = packet.sender == client ? toServer : toClient;
        series.points.push_back({packet.time[from] - origin, value});
    }
    // Sent in order at the sender-side point, but a merge may list a packet
    // by its other point: the lines must run left to right.
    for (ChartSeries* series : {&toServer, &toClient})
        std::stable_sort(series->points.begin(), series->points.end(),
                         [](const ChartPoint& a, const ChartPoint& b) { return a.time < b.time; });
    content.begin = 0;
    content.end = std::max<TimeNs>(last - origin, 1);
    content.valueMin = low;
    content.valueMax = high > low ? high * 1.08 : low + 1;
    content.series = {toServer, toClient};
    if (toServer.points.empty() && toClient.points.empty())
        content.note = "No packet was seen at both points";
    return content;
}

} // namespace tcpladder::ui
