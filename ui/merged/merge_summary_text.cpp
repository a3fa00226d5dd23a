#include "merged/merge_summary_text.h"

#include "format/file_path.h"
#include "format/units.h"

#include <QFileInfo>
#include <QObject>

namespace tcpladder::ui {
namespace {

QString signedDuration(TimeNs value) {
    return (value < 0 ? QStringLiteral("−") : QStringLiteral("+")) +
           formatDuration(value < 0 ? -value : value);
}

} // namespace

QString mergeSummaryText(const MergedCapture& merged) {
    const ClockOffset& offset = merged.offset;
    QString text = QObject::tr("Offset %1").arg(signedDuration(offset.estimate));
    if (offset.userGiven) {
        text += QObject::tr(" (given)");
    } else {
        text += QObject::tr(" ± %1 (bound %2 to %3, from %4 + %5 packets)")
                    .arg(formatDuration(offset.uncertainty()), signedDuration(offset.lowerBound),
                         signedDuration(offset.upperBound), formatCount(offset.samples[0]),
                         formatCount(offset.samples[1]));
    }
    text += offset.driftKnown ? QObject::tr(", drift %1 ppm").arg(offset.driftPpm, 0, 'f', 2)
                              : QObject::tr(", drift unknown");
    std::uint64_t both = 0;
    std::uint64_t byIsn = 0;
    std::uint64_t only[2] = {0, 0};
    for (const MergedConnection& connection : merged.connections) {
        if (connection.bothSides()) {
            ++both;
            byIsn += connection.method == MatchMethod::IsnOnly;
        } else {
            ++only[connection.connection[0] >= 0 ? 0 : 1];
        }
    }
    text += QObject::tr(" · %1 connections at both points").arg(formatCount(both));
    if (byIsn > 0)
        text +=
            QObject::tr(" (%1 by ISNs only: addresses or ports rewritten)").arg(formatCount(byIsn));
    text += QObject::tr(", %1 at point 1 only, %2 at point 2 only")
                .arg(formatCount(only[0]), formatCount(only[1]));
    return text;
}

QString mergeTitleText(const MergedCapture& merged) {
    QStringList names;
    for (const auto& point : merged.points)
        names << (point ? QFileInfo(pathFromBytes(point->path)).fileName() : QStringLiteral("?"));
    return names.join(QStringLiteral(" + "));
}

} // namespace tcpladder::ui
