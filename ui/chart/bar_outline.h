#pragma once

#include "chart/chart_content.h"

#include <QList>
#include <QPointF>
#include <vector>

namespace tcpladder::ui {

// The pixel size of one rendering, to shape bars in data units.
struct PlotScale {
    double xDivisor = 1; // ns per x-axis unit
    double yDivisor = 1; // base value units per y-axis unit
    double nsPerPixel = 1;
    double valuePerPixel = 1;
};

// Vertical bars as the two edges of one area (Qt Charts draws no bar at an
// arbitrary x): the upper edge traces each bar's outline, the lower edge
// runs along their feet, and the stretches between bars coincide on both
// edges so they enclose nothing. Bars far enough apart get tcptrace's ticks
// at both ends (an "I"); crowded ones are plain one-pixel columns that touch
// but never overlap, as overlapping parts of one area would cancel out.
struct BarOutline {
    QList<QPointF> upper;
    QList<QPointF> lower;
};

// `width` is the stem's width in pixels where neighbours leave room (wider
// bars stand out, as retransmissions must); bars are at least that tall too.
BarOutline outlineBars(const std::vector<ChartBar>& bars, const PlotScale& scale,
                       double width = 1.2);

} // namespace tcpladder::ui
