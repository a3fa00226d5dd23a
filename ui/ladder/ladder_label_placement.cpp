#include "ladder/ladder_label_placement.h"

#include "ladder/ladder_layout.h"

#include <algorithm>

namespace tcpladder::ui {
namespace {

// Labels are placed greedily starting this many packets before the first
// one drawn, so a label's fate does not depend on where the view begins.
constexpr std::size_t kLabelWalkBack = 64;
// Shares of the way from sender to receiver where a label may sit, best first.
constexpr double kLabelSpots[] = {0.5, 0.3, 0.7, 0.15, 0.85};
// Labels keep this far inside the lanes.
constexpr double kLaneGap = 4;

} // namespace

bool PlacedLabels::isFree(const QRectF& rect) const {
    // Rectangles whose tops are a full line apart or more only touch.
    const auto end = m_byTop.lower_bound(rect.top() + m_lineHeight);
    for (auto it = m_byTop.upper_bound(rect.top() - m_lineHeight); it != end; ++it)
        if (it->second.intersects(rect))
            return false;
    return true;
}

std::vector<LabelPlacement> LadderLayout::labelPlacements(const std::vector<std::size_t>& drawn,
                                                          const LabelWidths& widths) const {
    std::vector<LabelPlacement> result(drawn.size());
    if (drawn.empty())
        return result;
    const double height = m_options.lineHeight;
    const double left = std::min(m_columns.clientX, m_columns.serverX) + kLaneGap;
    const double right = std::max(m_columns.clientX, m_columns.serverX) - kLaneGap;
    // A label `width` wide whose bottom touches the arrow at `spot`: centred
    // there, moved sideways as little as keeps it between the lanes. For a
    // narrower width the rectangle lies inside the wider one's, which makes
    // the check with minLabelWidth below a safe shortcut.
    const auto rectAt = [&](QPointF spot, double width) {
        const double lowest = left + width / 2;
        const double centre = std::clamp(spot.x(), lowest, std::max(lowest, right - width / 2));
        return QRectF(centre - width / 2, spot.y() - height, width, height);
    };
    PlacedLabels placed(height);
    const auto place = [&](std::size_t index) {
        const LadderArrow a = arrow(index);
        double width = 0; // measured only once some spot has room for the narrowest label
        for (double share : kLabelSpots) {
            const QPointF spot = a.pointAtX(a.start.x() + share * (a.end.x() - a.start.x()));
            if (!placed.isFree(rectAt(spot, m_options.minLabelWidth)))
                continue;
            if (width == 0)
                width = std::max(widths(index), m_options.minLabelWidth);
            const QRectF rect = rectAt(spot, width);
            if (!placed.isFree(rect))
                continue;
            placed.add(rect);
            return LabelPlacement{true, spot, rect};
        }
        return LabelPlacement{};
    };
    const bool contiguous = drawn.back() - drawn.front() + 1 == drawn.size();
    if (contiguous) {
        const std::size_t from =
            drawn.front() > kLabelWalkBack ? drawn.front() - kLabelWalkBack : 0;
        for (std::size_t index = from; index < drawn.front(); ++index)
            place(index);
    }
    for (std::size_t i = 0; i < drawn.size(); ++i)
        result[i] = place(drawn[i]);
    return result;
}

} // namespace tcpladder::ui
