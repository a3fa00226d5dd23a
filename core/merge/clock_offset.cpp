#include "merge/clock_offset.h"

#include <algorithm>
#include <limits>

namespace tcpladder {
namespace {

// Below this span a drift cannot be told from queueing.
constexpr TimeNs kDriftMinimumSpan = 10'000'000'000;
constexpr int kDriftStretches = 8;

struct Bound {
    TimeNs lower = std::numeric_limits<TimeNs>::min();
    TimeNs upper = std::numeric_limits<TimeNs>::max();
    bool hasLower = false;
    bool hasUpper = false;

    void add(TimeNs difference, bool fromPoint0) {
        if (fromPoint0) {
            upper = std::min(upper, difference);
            hasUpper = true;
        } else {
            lower = std::max(lower, difference);
            hasLower = true;
        }
    }
};

// Offset change per nanosecond from the middles of the bound in equal
// stretches of time, or nothing when fewer than three stretches bound both ways.
std::optional<double> fitDrift(const std::vector<OffsetSample>& samples, TimeNs first,
                               TimeNs last) {
    if (last - first < kDriftMinimumSpan)
        return std::nullopt;
    std::vector<Bound> stretches(kDriftStretches);
    const TimeNs width = (last - first) / kDriftStretches + 1;
    for (const OffsetSample& s : samples)
        stretches[static_cast<std::size_t>((s.time0 - first) / width)].add(s.difference,
                                                                           s.fromPoint0);
    double n = 0, sumX = 0, sumY = 0, sumXX = 0, sumXY = 0;
    for (int i = 0; i < kDriftStretches; ++i) {
        const Bound& b = stretches[static_cast<std::size_t>(i)];
        if (!b.hasLower || !b.hasUpper)
            continue;
        const double x = static_cast<double>(width) * (i + 0.5);
        const double y = (static_cast<double>(b.lower) + static_cast<double>(b.upper)) / 2;
        n += 1;
        sumX += x;
        sumY += y;
        sumXX += x * x;
        sumXY += x * y;
    }
    if (n < 3)
        return std::nullopt;
    return (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
}

} // namespace

ClockOffset estimateClockOffset(const std::vector<OffsetSample>& samples,
                                std::vector<std::string>& notes) {
    ClockOffset offset;
    if (samples.empty()) {
        notes.push_back("no packet was seen at both points: the clocks are taken as equal");
        return offset;
    }
    TimeNs first = samples.front().time0;
    TimeNs last = first;
    for (const OffsetSample& s : samples) {
        first = std::min(first, s.time0);
        last = std::max(last, s.time0);
        ++offset.samples[s.fromPoint0 ? 0 : 1];
    }
    offset.referenceTime = first;
    const std::optional<double> drift = fitDrift(samples, first, last);
    if (drift) {
        offset.driftKnown = true;
        offset.driftPpm = *drift * 1e6;
    }
    Bound bound;
    for (const OffsetSample& s : samples)
        bound.add(s.difference -
                      static_cast<TimeNs>(drift.value_or(0) * static_cast<double>(s.time0 - first)),
                  s.fromPoint0);
    if (bound.hasLower && bound.hasUpper) {
        offset.lowerBound = std::min(bound.lower, bound.upper);
        offset.upperBound = std::max(bound.lower, bound.upper);
        if (bound.lower > bound.upper)
            notes.push_back("the packets bound the clock offset inconsistently (by " +
                            formatSeconds(bound.lower - bound.upper) +
                            " s): a clock stepped or packets were matched wrongly");
    } else {
        const TimeNs only = bound.hasUpper ? bound.upper : bound.lower;
        offset.lowerBound = only;
        offset.upperBound = only;
        notes.push_back(std::string("packets seen at both points travelled one way only: the "
                                    "offset assumes no delay ") +
                        (bound.hasUpper ? "from point 0 to point 1" : "from point 1 to point 0"));
    }
    offset.estimate = offset.lowerBound + (offset.upperBound - offset.lowerBound) / 2;
    const std::uint64_t total = offset.samples[0] + offset.samples[1];
    if (total < 10)
        notes.push_back("clock offset from " + std::to_string(total) + " packets only");
    return offset;
}

} // namespace tcpladder
