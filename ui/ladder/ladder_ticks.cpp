#include "ladder/ladder_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace tcpladder::ui {

TimeNs tickStep(double pixelsPerSecond, double minSpacing) {
    const double wanted = minSpacing / std::max(pixelsPerSecond, 1e-9) * 1e9;
    TimeNs decade = 1;
    // Stops at a decade whose multiples can still be represented.
    while (decade < kNsPerSecond * 100'000'000) {
        for (TimeNs factor : {1, 2, 5})
            if (static_cast<double>(decade * factor) >= wanted)
                return decade * factor;
        decade *= 10;
    }
    return decade;
}

std::vector<TimeNs> tickTimes(TimeNs begin, TimeNs end, TimeNs step) {
    std::vector<TimeNs> times;
    if (step <= 0 || end < begin)
        return times;
    TimeNs first = begin / step * step;
    if (first < begin)
        first += step;
    for (TimeNs time = first; time <= end; time += step)
        times.push_back(time);
    return times;
}

QString tickLabel(TimeNs time, TimeNs step) {
    const TimeNs magnitude = std::max(std::abs(time), step);
    const double unit = magnitude >= kNsPerSecond ? 1e9 : magnitude >= 1'000'000 ? 1e6 : 1e3;
    const QString name = unit == 1e9   ? QStringLiteral("s")
                         : unit == 1e6 ? QStringLiteral("ms")
                                       : QStringLiteral("µs");
    const int decimals = std::clamp(
        static_cast<int>(-std::floor(std::log10(static_cast<double>(step) / unit))), 0, 6);
    return QString::number(static_cast<double>(time) / unit, 'f', decimals) + QChar(' ') + name;
}

} // namespace tcpladder::ui
