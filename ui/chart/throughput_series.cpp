#include "chart/throughput_series.h"

#include "chart/decimation.h"

#include <algorithm>
#include <optional>

namespace tcpladder::ui {
namespace {

struct DataEvent {
    TimeNs time;
    std::int64_t bytes;
    std::int64_t newBytes;
};

// Walks the sender's data segments from one packet on, keeping the sequence
// state that tells new bytes from resent ones.
class DataCursor {
public:
    DataCursor(const ChartRequest& request, std::size_t start)
        : m_request(request), m_index(start),
          m_count(request.capture->packets.packetCount(request.connection)),
          m_origin(request.capture->connections[request.connection].firstTime),
          m_state(request.checkpoints->stateBefore(start)) {}

    std::optional<DataEvent> next() {
        while (m_index < m_count) {
            const PacketRecord& r = m_request.capture->packets.at(m_request.connection, m_index++);
            const SequenceState::Unwrapped u = m_state.advance(r);
            if (r.side() != m_request.sender || r.payloadLength() == 0)
                continue;
            const std::int64_t bytes = r.payloadLength();
            return DataEvent{r.time() - m_origin, bytes, std::min(u.newBytes, bytes)};
        }
        return std::nullopt;
    }

private:
    const ChartRequest& m_request;
    std::size_t m_index;
    std::size_t m_count;
    TimeNs m_origin;
    SequenceState m_state;
};

} // namespace

TimeNs automaticThroughputWindow(TimeNs span) {
    const TimeNs target = std::max<TimeNs>(span / 100, 1000);
    TimeNs decade = 1000;
    while (decade * 10 <= target)
        decade *= 10;
    for (const TimeNs step : {5, 2, 1})
        if (decade * step <= target)
            return decade * step;
    return decade;
}

ChartContent buildThroughputChart(const ChartRequest& request) {
    const PixelColumns columns(request.begin, request.end, request.columns);
    const TimeNs window = std::max<TimeNs>(request.throughputWindow, 1);
    const double bitsPerByteWindow = 8.0 * static_cast<double>(kNsPerSecond) / window;
    const std::size_t start = request.timeIndex->firstAtOrAfter(columns.begin() - window);

    LineDecimator throughput(columns);
    LineDecimator goodput(columns);
    ValueExtent extent;
    extent.add(0);
    DataCursor arrivals(request, start);
    DataCursor departures(request, start);
    std::optional<DataEvent> in = arrivals.next();
    std::optional<DataEvent> out = departures.next();
    std::int64_t bytes = 0;
    std::int64_t newBytes = 0;
    while (in || out) {
        TimeNs time;
        if (in && (!out || in->time <= out->time + window)) {
            time = in->time;
            bytes += in->bytes;
            newBytes += in->newBytes;
            in = arrivals.next();
        } else {
            time = out->time + window;
            bytes -= out->bytes;
            newBytes -= out->newBytes;
            out = departures.next();
        }
        const double all = static_cast<double>(bytes) * bitsPerByteWindow;
        const double fresh = static_cast<double>(newBytes) * bitsPerByteWindow;
        throughput.add(time, all);
        goodput.add(time, fresh);
        if (time >= columns.begin() && time < columns.end()) {
            extent.add(all);
            extent.add(fresh);
        }
        if (time >= columns.end())
            break;
    }

    ChartContent content;
    content.kind = ChartKind::Throughput;
    content.valueKind = ValueKind::BitsPerSecond;
    content.begin = columns.begin();
    content.end = columns.end();
    const auto [low, high] = extent.range(request, 0);
    content.valueMin = low;
    content.valueMax = high;
    content.series.push_back(
        {SeriesRole::Throughput, {}, toSteps(throughput.finish(), columns.nsPerColumn())});
    content.series.push_back(
        {SeriesRole::Goodput, {}, toSteps(goodput.finish(), columns.nsPerColumn())});
    return content;
}

} // namespace tcpladder::ui
