#include "chart/headless_chart_export.h"

#include "chart/chart_builder.h"
#include "chart/chart_canvas.h"
#include "chart/chart_drawing.h"
#include "chart/chart_export.h"
#include "chart/throughput_series.h"

namespace tcpladder::ui {

QString writeChartExport(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                         const ChartExportSettings& settings) {
    ConnectionChartData data(std::move(capture), connection);
    const Side sender =
        settings.direction < 0 ? data.busierSide() : static_cast<Side>(settings.direction);
    ChartCanvas canvas;
    canvas.resize(settings.size);
    // Twice: the first drawing sizes the axis labels, which moves the plot area.
    for (int pass = 0; pass < 2; ++pass) {
        canvas.layoutNow();
        ChartRequest request = data.request(sender);
        request.throughputWindow = automaticThroughputWindow(data.duration());
        if (settings.to > settings.from) {
            request.begin = settings.from;
            request.end = settings.to;
        }
        drawChart(canvas, data, request, settings.kind);
    }
    canvas.layoutNow();
    QString error;
    if (!exportChart(canvas, settings.output, settings.scale, &error))
        return error;
    return {};
}

} // namespace tcpladder::ui
