#include "chart/rtt_chart.h"

#include "chart/decimation.h"

#include <algorithm>

namespace tcpladder::ui {

ChartContent buildRttChart(const ChartRequest& request) {
    ChartContent content;
    content.kind = ChartKind::Rtt;
    content.valueKind = ValueKind::Duration;
    const PixelColumns columns(request.begin, request.end, request.columns);
    content.begin = columns.begin();
    content.end = columns.end();
    static const std::vector<RttSample> kNone;
    const std::vector<RttSample>& samples = request.rttSamples ? *request.rttSamples : kNone;
    const auto byTime = [](const RttSample& s, TimeNs t) { return s.time < t; };
    const auto first = std::lower_bound(samples.begin(), samples.end(), columns.begin(), byTime);
    const auto last = std::lower_bound(first, samples.end(), columns.end(), byTime);

    ValueExtent extent;
    for (auto it = first; it != last; ++it)
        extent.add(static_cast<double>(it->rtt));
    extent.add(0);
    const auto [low, high] = extent.range(request, 0);
    content.valueMin = low;
    content.valueMax = high;

    MarkDecimator marks(columns, low, high, request.rows / 2);
    for (auto it = first; it != last; ++it)
        marks.add(it->time, static_cast<double>(it->rtt));
    content.series.push_back({SeriesRole::Rtt, {}, marks.finish()});
    if (samples.empty())
        content.note = "No RTT samples: no ACK covers a segment sent only once";
    return content;
}

} // namespace tcpladder::ui
