#include "ladder/ladder_header.h"

#include "format/qt_text.h"
#include "format/units.h"
#include "ladder/ladder_labels.h"
#include "ladder/ladder_painter.h"
#include "ladder/ladder_style.h"

#include <QFileInfo>

namespace tcpladder::ui {
namespace {

using namespace ladder_palette;

constexpr double kLegendRow = 20;
constexpr double kLegendHeight = 2 * kLegendRow + 2;
constexpr double kLanesHeight = 40;

QString positionWords(const CapturePointEstimate& estimate) {
    switch (estimate.position) {
    case CapturePointEstimate::Position::NearClient:
        return QStringLiteral("near client");
    case CapturePointEstimate::Position::NearServer:
        return QStringLiteral("near server");
    case CapturePointEstimate::Position::Middle:
        return QStringLiteral("mid-path");
    case CapturePointEstimate::Position::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

void paintLegend(QPainter& painter, const LadderLayout& layout, double top) {
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    double x = 10;
    double y = top + kLegendRow / 2;
    for (ArrowKind kind : legendArrowKinds()) {
        const ArrowStyle style = arrowStyle(kind);
        paintArrowLine(painter, QPointF(x, y), QPointF(x + 26, y), style.color, style.width);
        painter.setPen(kText);
        painter.drawText(QPointF(x + 31, y + metrics.ascent() / 2 - 1), style.name);
        x += 31 + metrics.horizontalAdvance(style.name) + 14;
    }
    const CapturePointEstimate& estimate = layout.data().estimate;
    painter.setPen(QPen(kCapturePoint, 1.3, Qt::DashLine));
    painter.drawLine(QPointF(x + 13, y - 7), QPointF(x + 13, y + 7));
    painter.setPen(kText);
    const QString capture =
        estimate.known()
            ? QStringLiteral("capture point: %1 (%2 % of the path)%3")
                  .arg(positionWords(estimate))
                  .arg(qRound(estimate.fraction * 100))
                  .arg(layout.slanted() ? QString()
                                        : QStringLiteral(", arrows flat at capture time"))
            : QStringLiteral("capture point unknown (no handshake): arrows flat at capture time");
    painter.drawText(QPointF(x + 24, y + metrics.ascent() / 2 - 1), capture);
    x = 10;
    y += kLegendRow;
    for (const Badge& badge : legendBadges()) {
        const double badgeHeight = QFontMetricsF(smallFont()).height() + 2;
        x += paintBadge(painter, QPointF(x, y - badgeHeight / 2), badge) + 4;
        painter.setFont(labelFont());
        painter.setPen(kMutedText);
        painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), badge.meaning);
        x += metrics.horizontalAdvance(badge.meaning) + 12;
    }
}

void laneTitle(QPainter& painter, double x, double top, const QString& role, const QString& name,
               const QColor& color) {
    painter.setFont(smallFont());
    painter.setPen(kMutedText);
    painter.drawText(QRectF(x - 150, top + 2, 300, 14), Qt::AlignCenter, role);
    QFont font = labelFont();
    font.setBold(true);
    font.setPixelSize(12);
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(QRectF(x - 150, top + 16, 300, 18), Qt::AlignCenter, name);
}

} // namespace

LadderTitle makeLadderTitle(const LadderData& data, std::size_t first, std::size_t last) {
    LadderTitle title;
    title.file = QFileInfo(toQString(data.capture->path)).fileName();
    title.connection = QStringLiteral("Connection %1: %2 → %3")
                           .arg(data.connection)
                           .arg(data.clientName, data.serverName);
    if (data.packetCount() > 0 && first < last) {
        title.range = QStringLiteral("frames %1–%2 (%3 of %4 packets), %5 – %6 after the first "
                                     "packet at %7")
                          .arg(data.packet(first).frame())
                          .arg(data.packet(last - 1).frame())
                          .arg(formatCount(last - first), formatCount(data.packetCount()),
                               relativeTimeLabel(data.relativeTime(first)),
                               relativeTimeLabel(data.relativeTime(last - 1)),
                               toQString(data.capture->utcText(data.origin)));
    }
    const ConnectionSummary& summary = data.summary;
    title.facts = QStringLiteral("%1 (%2)").arg(toQString(connStateCode(summary.state)),
                                                toQString(connStateMeaning(summary.state)));
    if (const auto rtt = summary.handshakeRtt())
        title.facts += QStringLiteral(" · handshake RTT %1").arg(formatDuration(*rtt));
    title.facts += QStringLiteral(" · %1 retransmissions · %2 dup ACKs · %3 zero windows")
                       .arg(summary.retransmissions)
                       .arg(summary.dupAcks)
                       .arg(summary.zeroWindows);
    return title;
}

double ladderHeaderHeight() {
    return kLegendHeight + kLanesHeight;
}

void paintLadderHeader(QPainter& painter, const LadderLayout& layout, double top) {
    const LadderColumns& c = layout.columns();
    const LadderData& data = layout.data();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(0, top, c.width, ladderHeaderHeight()), Qt::white);
    paintLegend(painter, layout, top);
    const double lanes = top + kLegendHeight;
    painter.setFont(smallFont());
    painter.setPen(kMutedText);
    painter.drawText(QRectF(2, lanes + 20, c.rulerRight - 10, 16),
                     Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("time"));
    laneTitle(painter, c.clientX, lanes, QStringLiteral("CLIENT"), data.clientName, kLane);
    laneTitle(painter, c.serverX, lanes, QStringLiteral("SERVER"), data.serverName, kLane);
    painter.setPen(QPen(kGrid.darker(120), 1));
    painter.drawLine(QPointF(0, top + ladderHeaderHeight() - 0.5),
                     QPointF(c.width, top + ladderHeaderHeight() - 0.5));
    painter.restore();
}

double titleBlockHeight() {
    return 74;
}

void paintTitleBlock(QPainter& painter, const LadderTitle& title, double width, double top) {
    painter.save();
    painter.fillRect(QRectF(0, top, width, titleBlockHeight()), QColor(0xf5, 0xf7, 0xf8));
    painter.setPen(kText);
    painter.setFont(titleFont());
    painter.drawText(QRectF(12, top + 8, width - 24, 20), Qt::AlignLeft | Qt::AlignVCenter,
                     title.connection);
    painter.setFont(labelFont());
    painter.drawText(QRectF(12, top + 30, width - 24, 14), Qt::AlignLeft | Qt::AlignVCenter,
                     title.file + QStringLiteral(" — ") + title.range);
    painter.setPen(kMutedText);
    painter.drawText(QRectF(12, top + 48, width - 24, 14), Qt::AlignLeft | Qt::AlignVCenter,
                     title.facts);
    painter.restore();
}

} // namespace tcpladder::ui
