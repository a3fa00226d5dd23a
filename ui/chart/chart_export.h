#pragma once

#include <QString>

namespace tcpladder::ui {

class ChartCanvas;

// Writes what the canvas shows to `path`: SVG when it ends in .svg, else PNG
// at `scale` times the canvas's size (2 for high-density screens and print).
// On failure returns false and says why in `error`.
bool exportChart(ChartCanvas& canvas, const QString& path, double scale, QString* error);

} // namespace tcpladder::ui
