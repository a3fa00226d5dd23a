#pragma once

#include "chart/chart_builder.h"
#include "chart/chart_content.h"

#include <QString>

namespace tcpladder::ui {

class ChartCanvas;

// "192.0.2.10:40000 → 198.51.100.7:80 · connection 3 · sequence over time"
QString chartTitle(const LoadedCapture& capture, std::uint32_t connection, Side sender,
                   ChartKind kind);

// Builds the request's chart at the canvas's current plot size and shows it;
// the one path shared by the view, the export and the benchmark. Returns the
// chart's note for the status line.
QString drawChart(ChartCanvas& canvas, ConnectionChartData& data, ChartRequest request,
                  ChartKind kind);

// Every series of the kind present and empty, to clear the canvas.
ChartContent emptyContent(ChartKind kind);

} // namespace tcpladder::ui
