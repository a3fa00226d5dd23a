#include "chart/window_series.h"

#include "chart/decimation.h"
#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"

#include <algorithm>

namespace tcpladder::ui {

ChartContent buildWindowChart(const ChartRequest& request) {
    const LoadedCapture& capture = *request.capture;
    const std::uint32_t conn = request.connection;
    const TimeNs origin = capture.connections[conn].firstTime;
    const PixelColumns columns(request.begin, request.end, request.columns);
    const PacketRange range = packetRange(request);
    const Side sender = request.sender;
    const Side receiver = request.receiver();

    LineDecimator window(columns);
    LineDecimator inFlight(columns);
    std::vector<ChartPoint> zeroWindows;
    ValueExtent extent;
    extent.add(0);
    SequenceState state = request.checkpoints->stateBefore(range.from);
    for (std::size_t i = range.from; i < range.to; ++i) {
        const PacketRecord& r = capture.packets.at(conn, i);
        state.advance(r);
        const TimeNs time = r.time() - origin;
        const bool inRange = range.inRange(i);
        if (r.side() == receiver && (r.flags() & kAck)) {
            const auto advertised = static_cast<double>(r.window());
            window.add(time, advertised);
            if (inRange)
                extent.add(advertised);
            if (inRange && (r.analysis() & kZeroWindow))
                zeroWindows.push_back({time, 0});
        }
        if (state.acked[receiver]) {
            const auto flight = static_cast<double>(
                std::max<std::int64_t>(0, state.highestSeqEnd[sender] - state.lastAck[receiver]));
            inFlight.add(time, flight);
            if (inRange)
                extent.add(flight);
        }
    }

    ChartContent content;
    content.kind = ChartKind::Window;
    content.valueKind = ValueKind::Bytes;
    content.begin = columns.begin();
    content.end = columns.end();
    const auto [low, high] = extent.range(request, 0);
    content.valueMin = low;
    content.valueMax = high;
    MarkDecimator marks(columns, low, high, request.rows / 3);
    for (const ChartPoint& p : zeroWindows)
        marks.add(p.time, p.value);
    content.series.push_back(
        {SeriesRole::AdvertisedWindow, {}, toSteps(window.finish(), columns.nsPerColumn())});
    content.series.push_back(
        {SeriesRole::BytesInFlight, {}, toSteps(inFlight.finish(), columns.nsPerColumn())});
    content.series.push_back({SeriesRole::ZeroWindow, {}, marks.finish()});
    return content;
}

} // namespace tcpladder::ui
