#pragma once

#include <QString>
#include <optional>

namespace tcpladder::ui {

class ChartCanvas;

enum class ChartFileFormat { Png, Svg };

// From the file name's suffix (.png, .svg); nothing for any other name, so
// that `out.pdf` is refused instead of filled with PNG bytes.
std::optional<ChartFileFormat> chartFormatForPath(const QString& path);

// Writes what the canvas shows to `path`: SVG or PNG by its suffix, a PNG at
// `scale` times the canvas's size (2 for high-density screens and print).
// On failure, a write error included, returns false and says why in `error`.
bool exportChart(ChartCanvas& canvas, const QString& path, double scale, QString* error);

} // namespace tcpladder::ui
