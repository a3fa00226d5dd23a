#include "chart/bar_outline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tcpladder::ui {
namespace {

constexpr double kTickHalfWidth = 3.5;
constexpr double kTickHeight = 1.2;
constexpr std::size_t kMaxTickedBars = 300;

// Pixel distance to the nearest bar at another x, left or right.
std::vector<double> neighbourGaps(const std::vector<double>& xs) {
    const double none = std::numeric_limits<double>::infinity();
    std::vector<double> gaps(xs.size(), none);
    for (std::size_t i = 0; i < xs.size();) {
        std::size_t j = i;
        while (j < xs.size() && xs[j] == xs[i])
            ++j;
        const double left = i > 0 ? xs[i] - xs[i - 1] : none;
        const double right = j < xs.size() ? xs[j] - xs[i] : none;
        for (std::size_t k = i; k < j; ++k)
            gaps[k] = std::min(left, right);
        i = j;
    }
    return gaps;
}

} // namespace

BarOutline outlineBars(const std::vector<ChartBar>& bars, const PlotScale& scale, double width) {
    const double halfWidth = width / 2; // pixels
    BarOutline outline;
    outline.upper.reserve(static_cast<qsizetype>(bars.size() * 12));
    outline.lower.reserve(static_cast<qsizetype>(bars.size() * 2));
    std::vector<double> xs;
    xs.reserve(bars.size());
    for (const ChartBar& bar : bars)
        xs.push_back(static_cast<double>(bar.time) / scale.nsPerPixel);
    const std::vector<double> gaps = neighbourGaps(xs);

    // Ticks triple the points Qt Charts must stroke; only sparse bars show them anyway.
    const bool few = bars.size() <= kMaxTickedBars;
    const double pxX = scale.nsPerPixel / scale.xDivisor;
    const double pxY = scale.valuePerPixel / scale.yDivisor;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double x = static_cast<double>(bars[i].time) / scale.xDivisor;
        double low = bars[i].low / scale.yDivisor;
        double high = bars[i].high / scale.yDivisor;
        if (high - low < width * pxY) { // a short bar still shows
            const double mid = (low + high) / 2;
            low = mid - width * pxY / 2;
            high = mid + width * pxY / 2;
        }
        const double stem = std::min(halfWidth, gaps[i] / 2) * pxX;
        const double tickRoom = (gaps[i] - 1) / 2;
        const bool ticks = few && tickRoom > halfWidth + 1 && (high - low) / pxY > 4 * kTickHeight;
        if (ticks) {
            const double wing = std::min(kTickHalfWidth + halfWidth, tickRoom) * pxX;
            const double tick = kTickHeight * pxY;
            outline.upper << QPointF(x - wing, low) << QPointF(x - wing, low + tick)
                          << QPointF(x - stem, low + tick) << QPointF(x - stem, high - tick)
                          << QPointF(x - wing, high - tick) << QPointF(x - wing, high)
                          << QPointF(x + wing, high) << QPointF(x + wing, high - tick)
                          << QPointF(x + stem, high - tick) << QPointF(x + stem, low + tick)
                          << QPointF(x + wing, low + tick) << QPointF(x + wing, low);
            outline.lower << QPointF(x - wing, low) << QPointF(x + wing, low);
        } else {
            outline.upper << QPointF(x - stem, low) << QPointF(x - stem, high)
                          << QPointF(x + stem, high) << QPointF(x + stem, low);
            outline.lower << QPointF(x - stem, low) << QPointF(x + stem, low);
        }
    }
    return outline;
}

} // namespace tcpladder::ui
