#pragma once

#include "chart/chart_content.h"
#include "common/time_ns.h"
#include "load/loaded_capture.h"

#include <QSize>
#include <QString>
#include <cstdint>
#include <memory>

namespace tcpladder::ui {

// What `tcpladder CAPTURE --connection ID --export-chart OUT.png|OUT.svg
// [--chart seq|throughput|rtt|window] [--direction a|b|auto] [--size WxH]
// [--scale N] [--range FROM:TO]` asks of the chart; app/gui's one
// command-line parser fills it in.
struct ChartExportSettings {
    QString output;
    ChartKind kind = ChartKind::Sequence;
    int direction = -1; // 0: side A, 1: side B, -1: the busier side
    QSize size{1200, 720};
    double scale = 1;
    TimeNs from = 0; // since the connection's first packet; to <= from: its end
    TimeNs to = 0;
};

// Writes the chart of `connection` (which must exist) without a window.
// Needs a QApplication. Returns an empty string when written, else why not.
QString writeChartExport(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                         const ChartExportSettings& settings);

} // namespace tcpladder::ui
