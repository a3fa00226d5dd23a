#include "widgets/capture_summary_line.h"

#include "capture/link_types.h"
#include "format/file_path.h"
#include "format/qt_text.h"
#include "format/units.h"

#include <QFileInfo>

namespace tcpladder::ui {
namespace {

// Beyond these the line would push the rest off the window; the tooltip has all.
constexpr qsizetype kKindsOnTheLine = 4;

// "4 not TCP: ARP 2, ICMPv6 2", or "… without a TCP row: …" when some of
// them (truncated, malformed, fragments) may have been TCP after all.
QString nonTcpText(const LoadedCapture& capture, bool everyKind) {
    QStringList kinds;
    bool otherProtocols = true;
    for (const NonTcpCount& count : capture.nonTcp) {
        otherProtocols = otherProtocols && count.otherProtocol;
        if (everyKind || kinds.size() < kKindsOnTheLine)
            kinds << QStringLiteral("%1 %2").arg(toQString(count.kind), formatCount(count.frames));
    }
    if (kinds.size() < static_cast<qsizetype>(capture.nonTcp.size()))
        kinds << QStringLiteral("…");
    const QString count = formatCount(capture.frames - capture.tcpPackets);
    return (otherProtocols ? CaptureSummaryLine::tr("%1 not TCP: %2")
                           : CaptureSummaryLine::tr("%1 without a TCP row: %2"))
        .arg(count, kinds.join(QStringLiteral(", ")));
}

} // namespace

CaptureSummaryLine::CaptureSummaryLine(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("captureSummary"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSnapshot(nullptr);
}

void CaptureSummaryLine::setSnapshot(const SnapshotPtr& snapshot) {
    if (!snapshot) {
        setText(tr("No capture open. File ▸ Open (Ctrl+O), or drop a capture on this window."));
        setToolTip({});
        return;
    }
    const LoadedCapture& capture = *snapshot->capture;
    const QString path = pathFromBytes(capture.path);
    QStringList parts = {
        QStringLiteral("<b>%1</b>").arg(QFileInfo(path).fileName().toHtmlEscaped()),
        toQString(linkTypeDescription(capture.linkType)),
        tr("%1 TCP of %2 packets")
            .arg(formatCount(capture.tcpPackets), formatCount(capture.frames)),
    };
    if (!capture.nonTcp.empty())
        parts << nonTcpText(capture, false).toHtmlEscaped();
    parts << tr("%1 connections").arg(formatCount(capture.connections.size()))
          << tr("%1 captured").arg(formatDuration(capture.lastTime - capture.firstTime))
          << tr("loaded in %1").arg(formatDuration(capture.loadDuration));
    setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    QString tooltip =
        tr("%1\nfirst packet %2\nlast packet  %3\n%4 in the file")
            .arg(path, toQString(capture.utcText(capture.firstTime)),
                 toQString(capture.utcText(capture.lastTime)), formatBytes(capture.fileSize));
    if (!capture.nonTcp.empty())
        tooltip += QChar('\n') + nonTcpText(capture, true);
    setToolTip(tooltip);
}

} // namespace tcpladder::ui
