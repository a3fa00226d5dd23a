#include "chart/chart_request.h"

#include <algorithm>

namespace tcpladder::ui {

std::pair<double, double> ValueExtent::range(const ChartRequest& request, double floor) const {
    if (request.pinnedValues)
        return *request.pinnedValues;
    if (empty())
        return {std::max(floor, 0.0), std::max(floor, 0.0) + 1};
    double low = m_min;
    double high = m_max;
    if (high - low < 1) {
        low -= 1;
        high += 1;
    }
    const double air = (high - low) * 0.03;
    // Counts never go below zero; starting the axis at zero there reads better.
    low = std::max(floor, low - air);
    return {low, high + air};
}

} // namespace tcpladder::ui
