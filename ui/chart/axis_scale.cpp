#include "chart/axis_scale.h"

#include <algorithm>
#include <cmath>

namespace tcpladder::ui {
namespace {

struct Unit {
    double divisor;
    const char* name;
};

AxisScale scaled(double span, Unit unit, int maxTicks) {
    AxisScale scale;
    scale.divisor = unit.divisor;
    scale.unit = QString::fromUtf8(unit.name);
    scale.step = niceStep(span / unit.divisor, maxTicks);
    scale.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(scale.step) + 1e-9)));
    return scale;
}

Unit pick(double magnitude, std::initializer_list<Unit> units) {
    Unit chosen = *units.begin();
    for (const Unit& u : units)
        if (magnitude >= u.divisor)
            chosen = u;
    return chosen;
}

} // namespace

QString AxisScale::format(double baseValue) const {
    return QString::number(baseValue / divisor, 'f', decimals) + QChar(' ') + unit;
}

double niceStep(double span, int maxTicks) {
    if (!(span > 0))
        return 1;
    const double raw = span / std::max(maxTicks, 1);
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0})
        if (decade * factor >= raw * (1 - 1e-9))
            return decade * factor;
    return decade * 10;
}

AxisScale timeScale(TimeNs span, int maxTicks) {
    const auto s = static_cast<double>(span);
    const Unit unit = s >= 2e9   ? Unit{1e9, "s"}
                      : s >= 2e6 ? Unit{1e6, "ms"}
                      : s >= 2e3 ? Unit{1e3, "µs"}
                                 : Unit{1, "ns"};
    return scaled(s, unit, maxTicks);
}

AxisScale valueScale(double min, double max, ValueKind kind, int maxTicks) {
    const double magnitude = std::max(std::abs(min), std::abs(max));
    Unit unit{1, ""};
    switch (kind) {
    case ValueKind::Bytes:
        unit = pick(magnitude, {{1, "B"}, {1e3, "kB"}, {1e6, "MB"}, {1e9, "GB"}, {1e12, "TB"}});
        break;
    case ValueKind::BitsPerSecond:
        unit = pick(magnitude, {{1, "bit/s"}, {1e3, "kbit/s"}, {1e6, "Mbit/s"}, {1e9, "Gbit/s"}});
        break;
    case ValueKind::Duration:
        unit = pick(magnitude, {{1, "ns"}, {1e3, "µs"}, {1e6, "ms"}, {1e9, "s"}});
        break;
    }
    return scaled(max - min, unit, maxTicks);
}

} // namespace tcpladder::ui
