#include "chart/bar_shapes.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tcpladder::ui {
namespace {

constexpr double kTickHalfWidth = 3.5;
constexpr double kTickHeight = 1.2;
// Ticks on a crowded chart would only blur into a band.
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

std::vector<QRectF> barRects(const std::vector<ChartBar>& bars, const PlotMapping& mapping,
                             double width) {
    const double halfWidth = width / 2;
    std::vector<double> xs;
    xs.reserve(bars.size());
    for (const ChartBar& bar : bars)
        xs.push_back(mapping.x(bar.time));
    const std::vector<double> gaps = neighbourGaps(xs);
    const bool few = bars.size() <= kMaxTickedBars;
    std::vector<QRectF> rects;
    rects.reserve(bars.size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double x = xs[i];
        double top = mapping.y(bars[i].high);
        double bottom = mapping.y(bars[i].low);
        if (bottom - top < width) {
            const double mid = (top + bottom) / 2;
            top = mid - width / 2;
            bottom = mid + width / 2;
        }
        const double stem = std::min(halfWidth, gaps[i] / 2);
        const double tickRoom = (gaps[i] - 1) / 2;
        if (few && tickRoom > halfWidth + 1 && bottom - top > 4 * kTickHeight) {
            const double wing = std::min(kTickHalfWidth + halfWidth, tickRoom);
            rects.emplace_back(x - wing, top, 2 * wing, kTickHeight);
            rects.emplace_back(x - stem, top + kTickHeight, 2 * stem,
                               bottom - top - 2 * kTickHeight);
            rects.emplace_back(x - wing, bottom - kTickHeight, 2 * wing, kTickHeight);
        } else {
            rects.emplace_back(x - stem, top, 2 * stem, bottom - top);
        }
    }
    return rects;
}

} // namespace tcpladder::ui
