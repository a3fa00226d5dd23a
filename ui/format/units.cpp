#include "format/units.h"

#include <array>
#include <cmath>

namespace tcpladder::ui {
namespace {

// `value` lies in [1, 1000) once scaled to its unit.
QString threeDigits(double value, const QString& unit) {
    const int decimals = value < 9.995 ? 2 : value < 99.95 ? 1 : 0;
    return QString::number(value, 'f', decimals) + QChar(' ') + unit;
}

QString twoParts(std::int64_t high, const char* highUnit, std::int64_t low, const char* lowUnit) {
    return QStringLiteral("%1 %2 %3 %4")
        .arg(high)
        .arg(QLatin1String(highUnit))
        .arg(low, 2, 10, QChar('0'))
        .arg(QLatin1String(lowUnit));
}

} // namespace

QString formatDuration(TimeNs duration) {
    if (duration < 0)
        return QChar(0x2212) + formatDuration(-duration);
    // Each limit is where rounding to three digits would show "1000".
    if (duration < 1000)
        return QStringLiteral("%1 ns").arg(duration);
    if (duration < 999'500)
        return threeDigits(static_cast<double>(duration) / 1e3, QStringLiteral("µs"));
    if (duration < 999'500'000)
        return threeDigits(static_cast<double>(duration) / 1e6, QStringLiteral("ms"));
    if (duration < 59'950'000'000)
        return threeDigits(static_cast<double>(duration) / 1e9, QStringLiteral("s"));
    const std::int64_t seconds = (duration + kNsPerSecond / 2) / kNsPerSecond;
    if (seconds < 3600)
        return twoParts(seconds / 60, "min", seconds % 60, "s");
    const std::int64_t minutes = (seconds + 30) / 60;
    return twoParts(minutes / 60, "h", minutes % 60, "min");
}

QString formatBytes(std::uint64_t bytes) {
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    static const std::array<QString, 5> kUnits = {QStringLiteral("kB"), QStringLiteral("MB"),
                                                  QStringLiteral("GB"), QStringLiteral("TB"),
                                                  QStringLiteral("PB")};
    double value = static_cast<double>(bytes) / 1e3;
    std::size_t unit = 0;
    while (value >= 999.5 && unit + 1 < kUnits.size()) {
        value /= 1e3;
        ++unit;
    }
    return threeDigits(value, kUnits[unit]);
}

QString formatCount(std::uint64_t count) {
    QString digits = QString::number(count);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QChar(','));
    return digits;
}

QString formatOffset(TimeNs offset) {
    const bool negative = offset < 0;
    const std::uint64_t magnitude = negative ? static_cast<std::uint64_t>(-(offset + 1)) + 1
                                             : static_cast<std::uint64_t>(offset);
    const std::uint64_t milliseconds = (magnitude + 500'000) / 1'000'000;
    return QStringLiteral("%1%2.%3 s")
        .arg(negative ? QStringLiteral("\u2212") : QString())
        .arg(milliseconds / 1000)
        .arg(milliseconds % 1000, 3, 10, QChar('0'));
}

} // namespace tcpladder::ui
