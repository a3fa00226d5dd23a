#pragma once

#include "chart/chart_content.h"

#include <QRectF>
#include <vector>

namespace tcpladder::ui {

// Where a chart's data lands on screen: the plot rectangle (y grows
// downwards) and the time and value ranges it shows.
struct PlotMapping {
    QRectF plot;
    TimeNs begin = 0;
    TimeNs end = 1;
    double valueMin = 0;
    double valueMax = 1;

    double nsPerPixel() const { return static_cast<double>(end - begin) / plot.width(); }
    double valuePerPixel() const { return (valueMax - valueMin) / plot.height(); }
    double x(TimeNs time) const {
        return plot.left() + static_cast<double>(time - begin) / nsPerPixel();
    }
    double y(double value) const { return plot.bottom() - (value - valueMin) / valuePerPixel(); }
};

// Vertical bars as filled rectangles in pixels. Bars far enough apart get
// tcptrace's ticks at both ends (an "I" of three rectangles); crowded ones
// are plain stems that touch but never overlap a neighbour. `width` is the
// stem's width where neighbours leave room (wider bars stand out, as
// retransmissions must); bars are at least that tall too, so a one-byte
// segment still shows.
std::vector<QRectF> barRects(const std::vector<ChartBar>& bars, const PlotMapping& mapping,
                             double width = 1.2);

} // namespace tcpladder::ui
