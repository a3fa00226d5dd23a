#include "widgets/capture_summary_line.h"

#include "capture/link_types.h"
#include "format/qt_text.h"
#include "format/units.h"

#include <QFileInfo>

namespace tcpladder::ui {

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
    const QString path = toQString(capture.path);
    const QStringList parts = {
        QStringLiteral("<b>%1</b>").arg(QFileInfo(path).fileName().toHtmlEscaped()),
        toQString(linkTypeDescription(capture.linkType)),
        tr("%1 TCP of %2 packets")
            .arg(formatCount(capture.tcpPackets), formatCount(capture.frames)),
        tr("%1 connections").arg(formatCount(capture.connections.size())),
        tr("%1 captured").arg(formatDuration(capture.lastTime - capture.firstTime)),
        tr("loaded in %1").arg(formatDuration(capture.loadDuration)),
    };
    setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    setToolTip(tr("%1\nfirst packet %2\nlast packet  %3\n%4 in the file")
                   .arg(path, toQString(capture.utcText(capture.firstTime)),
                        toQString(capture.utcText(capture.lastTime)),
                        formatBytes(capture.fileSize)));
}

} // namespace tcpladder::ui
