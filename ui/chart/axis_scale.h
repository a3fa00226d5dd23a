#pragma once

#include "chart/chart_content.h"

#include <QString>

namespace tcpladder::ui {

// How one axis is labelled: values divided by `divisor` and printed with
// `decimals` digits in `unit`, ticks every `step` (in that unit) on round
// numbers.
struct AxisScale {
    double divisor = 1;
    QString unit;
    double step = 1;
    int decimals = 0;

    QString format(double baseValue) const; // "12.5 ms"
};

// The smallest 1, 2 or 5 times a power of ten that cuts `span` into at most
// `maxTicks` parts.
double niceStep(double span, int maxTicks);

// Time axis: seconds, milliseconds, microseconds or nanoseconds, by span.
AxisScale timeScale(TimeNs span, int maxTicks);
// Value axis: unit by the larger magnitude of the range (B/kB/MB/GB,
// bit/s..Gbit/s, ns..s), decimals by the tick step.
AxisScale valueScale(double min, double max, ValueKind kind, int maxTicks);

} // namespace tcpladder::ui
