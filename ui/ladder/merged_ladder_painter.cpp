#include "ladder/merged_ladder_painter.h"

#include "format/file_path.h"
#include "format/qt_text.h"
#include "ladder/ladder_style.h"
#include "ladder/merged_ladder_text.h"
#include "merged/merged_sides.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QPainterPath>
#include <cmath>

namespace tcpladder::ui {

using namespace ladder_palette;

namespace {

constexpr double kPadding = 3;
constexpr double kHeadLength = 7;

QFont boldFont() {
    QFont font = labelFont();
    font.setBold(true);
    return font;
}

void drawHead(QPainter& painter, QPointF from, QPointF to, const QColor& color) {
    const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * kHeadLength);
    head.lineTo(to - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * kHeadLength);
    head.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPath(head);
}

const PacketRecord* anyRecord(const MergedCapture& merged, const MergedConnection& connection,
                              const MergedPacket& packet) {
    const PacketRecord* record = recordIfSeen(merged, connection, packet, 0);
    return record ? record : recordIfSeen(merged, connection, packet, 1);
}

} // namespace

double MergedLadderPainter::labelLineHeight() {
    return std::ceil(QFontMetricsF(labelFont()).height()) + 3;
}

MergedLadderLayout::LabelWidth
MergedLadderPainter::labelWidths(std::shared_ptr<const MergedCapture> merged,
                                 std::size_t connection) {
    // Metrics made once: a long connection measures every packet's label.
    return [merged, connection, regular = QFontMetricsF(labelFont()),
            bold = QFontMetricsF(boldFont())](std::size_t packet) {
        const MergedConnection& conn = merged->connections[connection];
        const MergedLabelText text = mergedLabelText(*merged, conn, packet, 0);
        const double line =
            bold.horizontalAdvance(text.frames) + regular.horizontalAdvance(text.fields);
        return std::max(line, bold.horizontalAdvance(text.finding)) + 2 * kPadding + 2;
    };
}

void MergedLadderPainter::paint(QPainter& painter, double top, double bottom,
                                std::optional<std::size_t> selected) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintBack(painter, top, bottom);
    // Arrows and labels reach a little past their anchors: a margin keeps
    // them whole at the slice's edges.
    const double margin = 200;
    for (const MergedArrow& arrow : m_layout.arrows()) {
        const double low = std::min(arrow.start.y(), arrow.end.y());
        const double high = std::max(arrow.start.y(), arrow.end.y());
        if (high < top - margin || low > bottom + margin)
            continue;
        paintArrow(painter, arrow, selected == arrow.packet);
    }
    for (const MergedLabel& label : m_layout.labels()) {
        if (label.rect.bottom() < top - margin || label.rect.top() > bottom + margin)
            continue;
        paintLabel(painter, label, selected == label.packet);
    }
    if (top < m_layout.headerHeight())
        paintHeader(painter);
    painter.restore();
}

void MergedLadderPainter::paintBack(QPainter& painter, double top, double bottom) const {
    const double x0 = m_layout.pointX(m_layout.clientSidePoint());
    const double x1 = m_layout.pointX(1 - m_layout.clientSidePoint());
    painter.fillRect(QRectF(0, top, m_layout.width(), bottom - top), Qt::white);
    // The stretch between the points, where loss and queueing happen.
    painter.fillRect(QRectF(x0, std::max(top, m_layout.headerHeight()), x1 - x0, bottom - top),
                     merged_palette::kGap);
    painter.setPen(QPen(kLane, 2));
    for (double x : {m_layout.clientLaneX(), m_layout.serverLaneX()})
        painter.drawLine(QPointF(x, std::max(top, m_layout.headerHeight())), QPointF(x, bottom));
    painter.setPen(QPen(kCapturePoint, 2, Qt::DashLine));
    for (double x : {x0, x1})
        painter.drawLine(QPointF(x, std::max(top, m_layout.headerHeight())), QPointF(x, bottom));
}

void MergedLadderPainter::paintHeader(QPainter& painter) const {
    const MergedCapture& merged = m_layout.merged();
    const MergedConnection& connection = m_layout.connection();
    const Connection& reference = firstSeenConnection(merged, connection);
    painter.fillRect(QRectF(0, 0, m_layout.width(), m_layout.headerHeight()), Qt::white);
    const auto centred = [&](double x, double y, const QString& text, const QColor& color,
                             const QFont& font) {
        painter.setFont(font);
        painter.setPen(color);
        const double width = QFontMetricsF(font).horizontalAdvance(text) + 4;
        painter.drawText(QRectF(x - width / 2, y, width, 18), Qt::AlignCenter, text);
    };
    const Side client = reference.clientSide();
    centred(m_layout.clientLaneX(), 6, QObject::tr("Client"), kText, titleFont());
    centred(m_layout.clientLaneX(), 26, endpointText(reference.endpoints[client]), kMutedText,
            labelFont());
    centred(m_layout.serverLaneX(), 6, QObject::tr("Server"), kText, titleFont());
    centred(m_layout.serverLaneX(), 26,
            endpointText(reference.endpoints[client == kSideA ? kSideB : kSideA]), kMutedText,
            labelFont());
    for (int point = 0; point < 2; ++point) {
        if (!merged.points[point])
            continue;
        const double x = m_layout.pointX(point);
        const QString file = QFileInfo(pathFromBytes(merged.points[point]->path)).fileName();
        centred(x, 6, QObject::tr("Point %1").arg(point + 1), kCapturePoint, titleFont());
        centred(x, 26, file, kMutedText, labelFont());
        if (connection.connection[point] < 0)
            centred(x, 42, QObject::tr("(not seen here)"), kMutedText, labelFont());
    }
}

void MergedLadderPainter::paintArrow(QPainter& painter, const MergedArrow& arrow,
                                     bool selected) const {
    const MergedCapture& merged = m_layout.merged();
    const MergedConnection& connection = m_layout.connection();
    const MergedPacket& packet = connection.packets[arrow.packet];
    const PacketRecord* record = anyRecord(merged, connection, packet);
    const ArrowStyle style =
        arrowStyle(record ? arrowKind(record->flags(), record->payloadLength()) : ArrowKind::Ack);
    const double width = style.width + (selected ? 1.5 : 0);
    const QPen stub(style.color, 1, Qt::DotLine);
    const auto drawStubs = [&](bool sender, bool receiver) {
        painter.setPen(stub);
        if (sender)
            painter.drawLine(QPointF(arrow.senderLaneX, arrow.start.y()), arrow.start);
        if (receiver) {
            const QPointF lane(arrow.receiverLaneX, arrow.end.y());
            painter.drawLine(arrow.end, lane);
            drawHead(painter, arrow.end, lane, style.color);
        }
    };
    switch (arrow.shape) {
    case MergedArrowShape::Crossing:
        drawStubs(true, true);
        painter.setPen(QPen(style.color, width));
        painter.drawLine(arrow.start, arrow.end);
        drawHead(painter, arrow.start, arrow.end, style.color);
        break;
    case MergedArrowShape::LostBetween: {
        drawStubs(true, false);
        painter.setPen(QPen(style.color, width));
        painter.drawLine(arrow.start, arrow.end);
        const double s = kCrossSize;
        painter.setPen(QPen(merged_palette::kLost, 2.5));
        painter.drawLine(arrow.end + QPointF(-s, -s), arrow.end + QPointF(s, s));
        painter.drawLine(arrow.end + QPointF(-s, s), arrow.end + QPointF(s, -s));
        break;
    }
    case MergedArrowShape::OnlyAtReceiver:
        drawStubs(false, true);
        painter.setPen(QPen(style.color, width, Qt::DashLine));
        painter.drawLine(arrow.start, arrow.end);
        drawHead(painter, arrow.start, arrow.end, style.color);
        break;
    case MergedArrowShape::OnePoint:
        painter.setPen(QPen(style.color, width));
        painter.drawLine(arrow.start, arrow.end);
        drawHead(painter, arrow.start, arrow.end, style.color);
        break;
    }
}

void MergedLadderPainter::paintLabel(QPainter& painter, const MergedLabel& label,
                                     bool selected) const {
    const MergedConnection& connection = m_layout.connection();
    const MergedLabelText text =
        mergedLabelText(m_layout.merged(), connection, label.packet, m_layout.origin());
    const QRectF rect = label.rect;
    if (selected)
        painter.fillRect(rect, kSelection);
    if (std::abs(rect.top() + m_layout.options().labelHeight / 2 - label.anchor.y()) > 0.5) {
        // Pushed down by the label above: a leader line back to its arrow.
        painter.setPen(QPen(kMutedText, 0.8));
        const double edge = label.fromClient ? rect.right() : rect.left();
        painter.drawLine(QPointF(edge, rect.top() + m_layout.options().labelHeight / 2),
                         label.anchor);
    }
    const double lineHeight = m_layout.options().labelHeight;
    double x = rect.left() + kPadding;
    painter.setFont(boldFont());
    painter.setPen(kText);
    const QRectF line(x, rect.top(), rect.width(), lineHeight);
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, text.frames);
    x += QFontMetricsF(boldFont()).horizontalAdvance(text.frames);
    painter.setFont(labelFont());
    painter.setPen(kMutedText);
    painter.drawText(QRectF(x, rect.top(), rect.right() - x, lineHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, text.fields);
    if (!text.finding.isEmpty()) {
        painter.setPen(text.findingColor);
        QFont font = labelFont();
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(
            QRectF(rect.left() + kPadding, rect.top() + lineHeight, rect.width(), lineHeight),
            Qt::AlignLeft | Qt::AlignVCenter, text.finding);
    }
}

} // namespace tcpladder::ui
