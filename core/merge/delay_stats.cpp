#include "merge/delay_stats.h"

#include <algorithm>

namespace tcpladder {

DelayStats delayStats(std::vector<TimeNs>& delays) {
    DelayStats stats;
    stats.samples = delays.size();
    if (delays.empty())
        return stats;
    const auto rank = [&](std::size_t k) {
        std::nth_element(delays.begin(), delays.begin() + static_cast<std::ptrdiff_t>(k),
                         delays.end());
        return delays[k];
    };
    const std::size_t n = delays.size();
    stats.min = *std::min_element(delays.begin(), delays.end());
    stats.median = rank((n - 1) / 2);
    stats.p99 = rank((99 * n + 99) / 100 - 1);
    return stats;
}

} // namespace tcpladder
