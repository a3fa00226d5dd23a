#include "format/units.h"

#include "common/units_text.h"

namespace tcpladder::ui {

QString formatDuration(TimeNs duration) {
    return QString::fromStdString(durationText(duration));
}

QString formatBytes(std::uint64_t bytes) {
    return QString::fromStdString(bytesText(bytes));
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
