#include "chart/chart_request.h"

#include "decode/tcp_segment.h"

#include <algorithm>

namespace tcpladder::ui {

PacketRange packetRange(const ChartRequest& request) {
    // Bounded, so a range deep inside a one-way stretch stays cheap.
    constexpr std::size_t kEdgeSearch = 4096;
    const LoadedCapture& capture = *request.capture;
    const std::uint32_t conn = request.connection;
    const auto isAck = [&](std::size_t i) {
        const PacketRecord& r = capture.packets.at(conn, i);
        return r.side() == request.receiver() && (r.flags() & kAck);
    };
    PacketRange range;
    range.first = request.timeIndex->firstAtOrAfter(request.begin);
    range.last = request.timeIndex->firstAtOrAfter(request.end);
    range.from = range.first;
    for (std::size_t back = 0; range.from > 0 && back < kEdgeSearch; ++back)
        if (isAck(--range.from))
            break;
    const std::size_t count = capture.packets.packetCount(conn);
    range.to = range.last;
    for (std::size_t ahead = 0; range.to < count && ahead < kEdgeSearch; ++ahead)
        if (isAck(range.to++))
            break;
    return range;
}

std::pair<double, double> ValueExtent::range(const ChartRequest& request, double floor) const {
    if (request.pinnedValues)
        return *request.pinnedValues;
    if (empty())
        return {std::max(floor, 0.0), std::max(floor, 0.0) + 1};
    double low = m_min;
    double high = m_max;
    if (high - low < 1) {
        low -= 1;
        high += 1;
    }
    const double air = (high - low) * 0.03;
    // Counts never go below zero; starting the axis at zero there reads better.
    low = std::max(floor, low - air);
    return {low, high + air};
}

} // namespace tcpladder::ui
