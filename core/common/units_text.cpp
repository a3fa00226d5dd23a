#include "common/units_text.h"

#include <array>
#include <cstdio>

namespace tcpladder {
namespace {

// `value` lies in [1, 1000) once scaled to its unit.
std::string threeDigits(double value, const char* unit) {
    const int decimals = value < 9.995 ? 2 : value < 99.95 ? 1 : 0;
    char text[48];
    std::snprintf(text, sizeof text, "%.*f %s", decimals, value, unit);
    return text;
}

std::string twoParts(std::int64_t high, const char* highUnit, std::int64_t low,
                     const char* lowUnit) {
    char text[64];
    std::snprintf(text, sizeof text, "%lld %s %02lld %s", static_cast<long long>(high), highUnit,
                  static_cast<long long>(low), lowUnit);
    return text;
}

} // namespace

std::string durationText(TimeNs duration) {
    if (duration < 0)
        return "\u2212" + durationText(-duration);
    // Each limit is where rounding to three digits would show "1000".
    if (duration < 1000)
        return std::to_string(duration) + " ns";
    if (duration < 999'500)
        return threeDigits(static_cast<double>(duration) / 1e3, "\u00b5s");
    if (duration < 999'500'000)
        return threeDigits(static_cast<double>(duration) / 1e6, "ms");
    if (duration < 59'950'000'000)
        return threeDigits(static_cast<double>(duration) / 1e9, "s");
    const std::int64_t seconds = (duration + kNsPerSecond / 2) / kNsPerSecond;
    if (seconds < 3600)
        return twoParts(seconds / 60, "min", seconds % 60, "s");
    const std::int64_t minutes = (seconds + 30) / 60;
    return twoParts(minutes / 60, "h", minutes % 60, "min");
}

std::string bytesText(std::uint64_t bytes) {
    if (bytes < 1000)
        return std::to_string(bytes) + " B";
    static constexpr std::array<const char*, 5> kUnits = {"kB", "MB", "GB", "TB", "PB"};
    double value = static_cast<double>(bytes) / 1e3;
    std::size_t unit = 0;
    while (value >= 999.5 && unit + 1 < kUnits.size()) {
        value /= 1e3;
        ++unit;
    }
    return threeDigits(value, kUnits[unit]);
}

} // namespace tcpladder
