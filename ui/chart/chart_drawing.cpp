#include "chart/chart_drawing.h"

#include "chart/chart_canvas.h"
#include "decode/ip_address.h"
#include "format/qt_text.h"

#include <algorithm>
#include <cmath>

namespace tcpladder::ui {

QString chartTitle(const LoadedCapture& capture, std::uint32_t connection, Side sender,
                   ChartKind kind) {
    static const char* const kNames[] = {"sequence over time", "throughput", "round-trip time",
                                         "window"};
    const Connection& c = capture.connections[connection];
    const Side receiver = sender == kSideA ? kSideB : kSideA;
    const Endpoint& from = c.endpoints[sender];
    const Endpoint& to = c.endpoints[receiver];
    return QStringLiteral("%1 → %2 · connection %3 · %4")
        .arg(toQString(formatEndpoint(from.address, from.port)),
             toQString(formatEndpoint(to.address, to.port)), QString::number(connection),
             QString::fromLatin1(kNames[static_cast<int>(kind)]));
}

QString drawChart(ChartCanvas& canvas, ConnectionChartData& data, ChartRequest request,
                  ChartKind kind) {
    const QRectF plot = canvas.plotArea();
    request.columns = std::max(50, static_cast<int>(std::lround(plot.width())));
    request.rows = std::max(50, static_cast<int>(std::lround(plot.height())));
    canvas.setTitle(chartTitle(data.capture(), data.connection(), request.sender, kind));
    const ChartContent content = data.build(kind, request);
    canvas.setContent(content);
    return toQString(content.note);
}

ChartContent emptyContent(ChartKind kind) {
    ChartContent content;
    content.kind = kind;
    content.valueKind = kind == ChartKind::Throughput ? ValueKind::BitsPerSecond
                        : kind == ChartKind::Rtt      ? ValueKind::Duration
                                                      : ValueKind::Bytes;
    for (SeriesRole role : rolesOf(kind))
        content.series.push_back({role, {}, {}});
    return content;
}

} // namespace tcpladder::ui
