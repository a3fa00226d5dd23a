#include "ladder/ladder_painter.h"

#include "format/units.h"
#include "ladder/ladder_label_text.h"
#include "ladder/ladder_labels.h"
#include "ladder/ladder_style.h"
#include "ladder/ladder_ticks.h"

#include <QPainterPath>
#include <QTextLayout>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace tcpladder::ui {
namespace {

using namespace ladder_palette;

constexpr double kTickSpacing = 56;
// A bundle's bracket runs this far inside the sender's lane; a message's
// as far outside it, so the two never hide each other.
constexpr double kBracketOffset = 5;
constexpr double kMessageBracketOffset = 7;

void zigzag(QPainter& painter, double left, double right, double y) {
    QPainterPath path(QPointF(left, y));
    bool up = true;
    for (double x = left + 5; x <= right; x += 5, up = !up)
        path.lineTo(x, y + (up ? -3 : 3));
    painter.drawPath(path);
}

// A piece of label text shaped once, both to measure and to draw it; it
// lands where QPainter::drawText(rect, Qt::AlignCenter, text) would put it
// in a rect exactly its width, which shapes the text a second time.
class TextPiece {
public:
    TextPiece(const QString& text, const QFont& font, QPaintDevice* device)
        : m_layout(text, font, device) {
        m_layout.setCacheEnabled(true);
        m_layout.beginLayout();
        m_line = m_layout.createLine();
        m_line.setPosition(QPointF(0, 0));
        m_layout.endLayout();
    }

    double width() const { return m_line.horizontalAdvance(); }
    // Draws it from `x`, centred in a row `height` high at `top`; returns its right end.
    double draw(QPainter& painter, double x, double top, double height) const {
        // drawText centres by ascent plus descent; QTextLine::height() rounds up.
        const double textHeight = m_line.ascent() + m_line.descent();
        m_line.draw(&painter, QPointF(x, top + (height - textHeight) / 2));
        return x + width();
    }

private:
    QTextLayout m_layout;
    QTextLine m_line;
};

} // namespace

double paintBadge(QPainter& painter, QPointF topLeft, const Badge& badge) {
    painter.setFont(smallFont());
    const QFontMetricsF metrics(painter.font());
    const double width = metrics.horizontalAdvance(badge.text) + 8;
    const QRectF rect(topLeft, QSizeF(width, metrics.height() + 2));
    painter.setPen(Qt::NoPen);
    painter.setBrush(badge.color);
    painter.drawRoundedRect(rect, 3, 3);
    painter.setPen(badge.textColor);
    painter.drawText(rect, Qt::AlignCenter, badge.text);
    return width;
}

void LadderPainter::paint(QPainter& painter, const LadderPaintParams& params) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    std::vector<std::size_t> drawn;
    if (params.cull) {
        drawn = m_layout.arrowsToDraw(params.top, params.bottom);
    } else {
        drawn.resize(m_layout.data().packetCount());
        std::iota(drawn.begin(), drawn.end(), std::size_t{0});
    }
    std::erase_if(drawn, [&](std::size_t index) {
        return index < params.firstPacket || index >= params.lastPacket;
    });
    paintBack(painter, params);
    paintArrows(painter, m_layout, drawn, params.selected,
                m_layout.data().estimate.known() && m_layout.slanted());
    paintMessageBrackets(painter, params);
    paintLabels(painter, params);
    paintNotes(painter, params);
    paintClockSteps(painter, params);
    painter.restore();
}

void LadderPainter::paintBack(QPainter& painter, const LadderPaintParams& params) const {
    const LadderColumns& c = m_layout.columns();
    const LadderOptions& options = m_layout.options();
    painter.fillRect(QRectF(0, params.top, c.width, params.bottom - params.top), Qt::white);
    for (const auto& [index, color] :
         {std::pair{params.hovered, kHover}, std::pair{params.selected, kSelection}}) {
        if (!index || *index >= m_layout.data().packetCount())
            continue;
        const LadderArrow arrow = m_layout.arrow(*index);
        const double top = std::min({arrow.start.y(), arrow.end.y(), arrow.captureY}) - 3;
        const double bottom = std::max({arrow.start.y(), arrow.end.y(), arrow.captureY}) + 3;
        const double half = options.lineHeight / 2 + 1;
        painter.fillRect(
            QRectF(c.rulerRight, arrow.captureY - half, c.notesLeft - c.rulerRight, 2 * half),
            color);
        painter.fillRect(
            QRectF(c.clientX, std::min(top, arrow.labelY() - 2 * half), c.serverX - c.clientX,
                   std::max(bottom, arrow.labelY()) - std::min(top, arrow.labelY() - 2 * half)),
            color);
    }
    paintRuler(painter, params);
    paintBreaks(painter, params);

    const auto bands = m_layout.breaksBetween(params.top, params.bottom);
    const auto lane = [&](double x, const QPen& pen) {
        painter.setPen(pen);
        double y = params.top;
        for (const BreakBand& band : bands) {
            if (band.top > y)
                painter.drawLine(QPointF(x, y), QPointF(x, band.top));
            y = std::max(y, band.bottom);
        }
        if (y < params.bottom)
            painter.drawLine(QPointF(x, y), QPointF(x, params.bottom));
    };
    lane(c.clientX, QPen(kLane, 2));
    lane(c.serverX, QPen(kLane, 2));
    if (m_layout.data().estimate.known())
        lane(c.captureX, QPen(kCapturePoint, 1.3, Qt::DashLine));
}

void LadderPainter::paintRuler(QPainter& painter, const LadderPaintParams& params) const {
    const LadderColumns& c = m_layout.columns();
    const LadderOptions& options = m_layout.options();
    painter.fillRect(QRectF(0, params.top, c.rulerRight, params.bottom - params.top), kRulerFill);
    painter.setPen(QPen(kGrid.darker(115), 1));
    painter.drawLine(QPointF(c.rulerRight, params.top), QPointF(c.rulerRight, params.bottom));
    painter.setFont(smallFont());
    const QFontMetricsF metrics(painter.font());
    const auto tick = [&](double y, const QString& label) {
        painter.setPen(QPen(kGrid, 1));
        painter.drawLine(QPointF(c.rulerRight, y), QPointF(c.notesLeft, y));
        painter.setPen(QPen(kMutedText, 1));
        painter.drawLine(QPointF(c.rulerRight - 6, y), QPointF(c.rulerRight, y));
        painter.drawText(QRectF(2, y - metrics.height() / 2, c.rulerRight - 10, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, label);
    };
    if (options.axis == TimeAxis::PerPacket) {
        const auto every = static_cast<std::size_t>(std::ceil(kTickSpacing / options.rowHeight));
        const auto [first, last] = m_layout.packetsBetween(params.top, params.bottom);
        for (std::size_t i = first / every * every; i < last; i += every)
            tick(m_layout.yForPacket(i), relativeTimeLabel(m_layout.data().relativeTime(i)));
        return;
    }
    const TimeNs step = tickStep(m_layout.pixelsPerSecond(), kTickSpacing);
    for (const AxisStretch& stretch :
         m_layout.stretchesBetween(params.top - 10, params.bottom + 10))
        for (TimeNs time : tickTimes(stretch.begin, stretch.end, step))
            tick(m_layout.yForTime(time), tickLabel(time, step));
}

void LadderPainter::paintBreaks(QPainter& painter, const LadderPaintParams& params) const {
    const LadderColumns& c = m_layout.columns();
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    for (const BreakBand& band : m_layout.breaksBetween(params.top, params.bottom)) {
        const bool thin = band.bottom - band.top < 12;
        if (!thin)
            painter.fillRect(QRectF(0, band.top, c.notesLeft, band.bottom - band.top), kBreakFill);
        painter.setPen(QPen(kMutedText, 1.2));
        painter.setBrush(Qt::NoBrush);
        zigzag(painter, 0, c.notesLeft, band.top + (thin ? 3 : 4));
        if (!thin)
            zigzag(painter, 0, c.notesLeft, band.bottom - 4);
        const QString text =
            QStringLiteral("idle %1 (axis cut)").arg(formatDuration(band.silence->length()));
        const double width = metrics.horizontalAdvance(text) + 12;
        const QRectF rect((c.clientX + c.serverX - width) / 2,
                          (band.top + band.bottom - metrics.height()) / 2, width, metrics.height());
        painter.fillRect(rect, thin ? QColor(255, 255, 255, 230) : kBreakFill);
        painter.setPen(kText);
        painter.drawText(rect, Qt::AlignCenter, text);
    }
}

void LadderPainter::paintMessageBrackets(QPainter& painter, const LadderPaintParams& params) const {
    const LadderData& data = m_layout.data();
    if (!data.messages)
        return;
    const auto [visibleFirst, visibleLast] = m_layout.packetsBetween(params.top, params.bottom);
    const LadderColumns& c = m_layout.columns();
    painter.setPen(QPen(kMessage, 1.6));
    painter.setBrush(Qt::NoBrush);
    for (std::size_t m : data.messages->overlapping(visibleFirst, visibleLast)) {
        const std::size_t first = std::max(data.messages->firstPacket[m], params.firstPacket);
        const std::size_t last = std::min(data.messages->lastPacket[m], params.lastPacket - 1);
        if (first >= last)
            continue;
        const bool fromClient = data.messages->messages[m].toServer;
        const double lane = fromClient ? c.clientX : c.serverX;
        const double x = lane + (fromClient ? -kMessageBracketOffset : kMessageBracketOffset);
        const double top = m_layout.arrow(first).start.y();
        const double bottom = m_layout.arrow(last).start.y();
        QPainterPath bracket(QPointF(lane, top));
        bracket.lineTo(x, top);
        bracket.lineTo(x, bottom);
        bracket.lineTo(lane, bottom);
        painter.drawPath(bracket);
    }
}

void LadderPainter::paintLabels(QPainter& painter, const LadderPaintParams& params) const {
    using namespace label_geometry;
    const LadderData& data = m_layout.data();
    const LadderColumns& columns = m_layout.columns();
    LabelTexts texts(data, painter.device(), maxLabelWidth(m_layout));
    const std::vector<LadderLabel> labels = layoutLabels(
        m_layout, params.firstPacket, params.lastPacket, params.top, params.bottom, texts.widths());
    const QFont font = labelFont();
    QFont bold = font;
    bold.setBold(true);
    const double height = QFontMetricsF(font).height();
    for (const LadderLabel& label : labels) {
        const QRectF rect = label.rect;
        const double lane = label.fromClient ? columns.clientX : columns.serverX;
        const double inward = label.fromClient ? 1 : -1;
        painter.setBrush(Qt::NoBrush);
        if (!label.single()) {
            // The bracket: along the lane, from the first arrow to the last it names.
            const double x = lane + inward * kBracketOffset;
            painter.setPen(QPen(kBundle, 1.4));
            painter.drawLine(QPointF(lane, label.anchor.y()), QPointF(x, label.anchor.y()));
            painter.drawLine(QPointF(x, label.anchor.y()), QPointF(x, label.bracketEnd));
            painter.drawLine(QPointF(lane, label.bracketEnd), QPointF(x, label.bracketEnd));
        }
        const QPointF corner(label.fromClient ? rect.left() : rect.right(), rect.bottom() - 2);
        if (label.displaced()) {
            painter.setPen(QPen(kMutedText, 0.8));
            painter.drawLine(label.anchor, corner);
        }
        double x = rect.left() + kPadding;
        const double top = rect.top();
        if (!label.single()) {
            const BundleText text = bundleText(data, label);
            const TextPiece frames(text.frames, bold, painter.device());
            const TextPiece summary(text.summary, font, painter.device());
            painter.fillRect(rect, kBundleFill);
            painter.setPen(kText);
            x = frames.draw(painter, x, top, height);
            painter.setPen(kBundle.darker(140));
            summary.draw(painter, x, top, height);
            continue;
        }
        const PacketRecord& packet = data.packet(label.first);
        const LabelText& text = texts.text(label.first);
        const TextPiece frame(text.frame, bold, painter.device());
        const TextPiece time(text.time, font, painter.device());
        const TextPiece message(text.message, bold, painter.device());
        const TextPiece fields(text.fields, font, painter.device());
        // The whole box the layout kept free, so what the picture shows as a
        // label's extent is what the layout guarantees apart from the others.
        painter.fillRect(rect, QColor(255, 255, 255, 215));
        const ArrowKind kind = arrowKind(packet.flags(), packet.payloadLength());
        painter.setPen(kText);
        x = frame.draw(painter, x, top, height);
        painter.setPen(kMutedText);
        x = time.draw(painter, x, top, height);
        painter.setPen(kMessage);
        x = message.draw(painter, x, top, height);
        painter.setPen(kind == ArrowKind::Rst ? arrowStyle(kind).color : kText);
        x = fields.draw(painter, x, top, height) + kPadding;
        for (const Badge& badge : text.badges)
            x += kBadgeGap + paintBadge(painter, QPointF(x + kBadgeGap, top + 1), badge);
    }
}

void LadderPainter::paintClockSteps(QPainter& painter, const LadderPaintParams& params) const {
    const auto [first, last] = m_layout.packetsBetween(params.top, params.bottom);
    const std::vector<std::size_t> steps = m_layout.clockStepsBetween(
        std::max(first, params.firstPacket), std::min(last, params.lastPacket));
    if (steps.empty())
        return;
    const LadderColumns& c = m_layout.columns();
    const LadderData& data = m_layout.data();
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    for (std::size_t index : steps) {
        const double y = m_layout.yForPacket(index);
        const TimeNs back = data.relativeTime(index - 1) - data.relativeTime(index);
        painter.setPen(QPen(kClockStep, 1.2, Qt::DashLine));
        painter.drawLine(QPointF(c.rulerRight, y), QPointF(c.notesLeft, y));
        painter.setPen(kClockStep);
        painter.drawText(QRectF(c.notesLeft + 14, y - metrics.height() / 2,
                                c.width - c.notesLeft - 18, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("Clock steps back %1 at #%2")
                             .arg(formatDuration(back))
                             .arg(data.packet(index).frame()));
    }
}

double maxLabelWidth(const LadderLayout& layout) {
    const LadderColumns& c = layout.columns();
    return c.serverX - c.clientX - 2 * kLabelLaneInset;
}

void applyLabelMetrics(LadderOptions& options) {
    const QFontMetricsF metrics(labelFont());
    options.lineHeight = std::ceil(metrics.height()) + 1;
}

void LadderPainter::paintNotes(QPainter& painter, const LadderPaintParams& params) const {
    const auto& notes = m_layout.data().notes;
    if (notes.empty())
        return;
    const LadderColumns& c = m_layout.columns();
    const TimeNs top = m_layout.timeForY(params.top - 60);
    const TimeNs bottom = m_layout.timeForY(params.bottom);
    auto it =
        std::ranges::partition_point(notes, [&](const LadderNote& n) { return n.time < top; });
    for (int back = 0; back < 16 && it != notes.begin(); ++back)
        if ((it - 1)->endTime >= top)
            --it;
    painter.setFont(labelFont());
    const QFontMetricsF metrics(painter.font());
    double freeY = -1e300;
    for (; it != notes.end() && it->time <= bottom; ++it) {
        const bool stall = it->kind == LadderNote::Kind::Stall;
        const QColor color = stall ? kStall
                             : it->kind == LadderNote::Kind::Close
                                 ? arrowStyle(ArrowKind::Rst).color.darker(110)
                                 : kNote;
        const double y = m_layout.yForTime(it->time);
        painter.setPen(QPen(color, 1.6));
        if (stall) {
            const double end = m_layout.yForTime(it->endTime);
            painter.drawLine(QPointF(c.notesLeft + 6, y), QPointF(c.notesLeft + 6, end));
            painter.drawLine(QPointF(c.notesLeft + 2, y), QPointF(c.notesLeft + 10, y));
            painter.drawLine(QPointF(c.notesLeft + 2, end), QPointF(c.notesLeft + 10, end));
        } else {
            painter.drawLine(QPointF(c.notesLeft - 8, y), QPointF(c.notesLeft + 8, y));
        }
        const QRectF bounds(c.notesLeft + 14, std::max(y - metrics.height() / 2, freeY),
                            c.width - c.notesLeft - 18, 4 * metrics.height());
        const QRectF used =
            painter.boundingRect(bounds, Qt::AlignLeft | Qt::TextWordWrap, it->text);
        painter.setPen(color);
        painter.drawText(bounds, Qt::AlignLeft | Qt::TextWordWrap, it->text);
        freeY = used.bottom() + 2;
    }
}

} // namespace tcpladder::ui
