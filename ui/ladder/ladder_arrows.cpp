#include "ladder/ladder_arrows.h"

#include "ladder/ladder_style.h"

#include <QPaintEngine>
#include <algorithm>
#include <cmath>

namespace tcpladder::ui {
namespace {

constexpr double kHeadLength = 8;
constexpr double kEmphasis = 1.2;
constexpr double kDotRadius = 2.2;
// Dots this close leave notches under a tenth of a pixel between them.
constexpr double kDotStep = 1.2;
// Parallel anti-aliased lines closer than this share of their width blend
// into a solid band (the seams stay within a few per cent of full colour),
// so filling the band instead changes nothing the eye can see.
constexpr double kSolidSpacing = 0.6;
// Lines at least this far apart do not share their edge pixels.
constexpr double kMinStep = 0.65;
// Arrows count as copies of one another when their vectors differ by less.
constexpr double kSameVector = 0.01;

struct ArrowFrame {
    QPointF unit;   // along the arrow
    QPointF normal; // across it
    double length = 0;
};

ArrowFrame frameOf(QPointF start, QPointF end) {
    const QPointF delta = end - start;
    ArrowFrame frame;
    frame.length = std::hypot(delta.x(), delta.y());
    if (frame.length > 0) {
        frame.unit = delta / frame.length;
        frame.normal = QPointF(-frame.unit.y(), frame.unit.x());
    }
    return frame;
}

double headLength(double width) {
    return kHeadLength + width;
}

void paintHead(QPainter& painter, QPointF end, const ArrowFrame& frame, double width) {
    const double head = headLength(width);
    const QPointF base = end - frame.unit * head;
    const QPointF wing = frame.normal * (head * 0.42);
    const QPointF points[] = {end, base + wing, base - wing};
    painter.drawPolygon(points, 3);
}

// Consecutive arrows of one style that can be filled as one band.
class ArrowRun {
public:
    bool empty() const { return m_arrows.empty(); }

    bool accepts(const LadderArrow& arrow, ArrowKind kind) const {
        if (m_arrows.empty() || m_closed || kind != m_kind)
            return false;
        const LadderArrow& first = m_arrows.front();
        const QPointF difference = (arrow.end - arrow.start) - (first.end - first.start);
        if (std::abs(difference.x()) > kSameVector || std::abs(difference.y()) > kSameVector)
            return false;
        // Joining must widen the band without leaving a gap in it. An arrow
        // on top of another is drawn by itself: its anti-aliased edges
        // blend twice, and the darker line shows that packets coincide.
        const double offset = QPointF::dotProduct(arrow.start - first.start, m_frame.normal);
        const double gap = kSolidSpacing * m_style.width;
        return (offset >= m_high + kMinStep && offset <= m_high + gap) ||
               (offset <= m_low - kMinStep && offset >= m_low - gap);
    }

    void start(const LadderArrow& arrow, ArrowKind kind, bool emphasised) {
        m_arrows.assign(1, arrow);
        m_kind = kind;
        m_style = arrowStyle(kind);
        m_width = m_style.width + (emphasised ? kEmphasis : 0);
        m_closed = emphasised;
        m_frame = frameOf(arrow.start, arrow.end);
        m_low = m_high = 0;
    }

    void add(const LadderArrow& arrow) {
        const double offset =
            QPointF::dotProduct(arrow.start - m_arrows.front().start, m_frame.normal);
        m_low = std::min(m_low, offset);
        m_high = std::max(m_high, offset);
        m_arrows.push_back(arrow);
    }

    // `captureX` is where the capture-point dots go; none when negative.
    void paint(QPainter& painter, double captureX) {
        if (m_arrows.empty())
            return;
        if (m_arrows.size() == 1) {
            paintArrowLine(painter, m_arrows.front().start, m_arrows.front().end, m_style.color,
                           m_width);
        } else if (m_frame.length >= 1) {
            paintBand(painter);
            painter.setPen(Qt::NoPen);
            painter.setBrush(m_style.color);
            for (const LadderArrow& arrow : m_arrows)
                paintHead(painter, arrow.end, m_frame, m_width);
        }
        if (captureX >= 0)
            paintDots(painter, captureX);
        m_arrows.clear();
    }

private:
    // The shafts all start at the sender's lane and end at the same x under
    // their heads; one line as wide as their cross-section, clipped to that
    // x range, covers exactly them.
    void paintBand(QPainter& painter) const {
        const LadderArrow& first = m_arrows.front();
        const QPointF shaft = first.end - first.start - m_frame.unit * (headLength(m_width) - 1);
        const double width = m_high - m_low + m_width;
        const QPointF start = first.start + m_frame.normal * ((m_low + m_high) / 2);
        const QPointF overhang = m_frame.unit * width;
        const double left = std::min(first.start.x(), first.start.x() + shaft.x());
        // Room above and below for the band however steep it is.
        const double margin = width / std::max(std::abs(m_frame.unit.x()), 1e-3) + width;
        const double top = std::min(start.y(), start.y() + shaft.y()) - margin;
        painter.save();
        painter.setClipRect(
            QRectF(left, top, std::abs(shaft.x()), std::abs(shaft.y()) + 2 * margin),
            Qt::IntersectClip);
        painter.setPen(QPen(m_style.color, width, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(start - overhang, start + shaft + overhang);
        painter.restore();
    }

    // Dots a fraction of a pixel apart merge into a bar with round ends,
    // drawn as one shape where they follow each other down the lane.
    void paintDots(QPainter& painter, double x) const {
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_style.color);
        const auto bar = [&](double top, double bottom) {
            if (bottom == top)
                painter.drawEllipse(QPointF(x, top), kDotRadius, kDotRadius);
            else
                painter.drawRoundedRect(QRectF(x - kDotRadius, top - kDotRadius, 2 * kDotRadius,
                                               bottom - top + 2 * kDotRadius),
                                        kDotRadius, kDotRadius);
        };
        double top = m_arrows.front().captureY;
        double bottom = top;
        for (const LadderArrow& arrow : m_arrows) {
            const double step = arrow.captureY - bottom;
            if (step < 0 || step > kDotStep) {
                bar(top, bottom);
                top = arrow.captureY;
            }
            bottom = arrow.captureY;
        }
        bar(top, bottom);
    }

    std::vector<LadderArrow> m_arrows;
    ArrowKind m_kind = ArrowKind::Ack;
    ArrowStyle m_style;
    double m_width = 1;
    bool m_closed = false;
    ArrowFrame m_frame;
    double m_low = 0; // offsets of the outermost shafts across the first one
    double m_high = 0;
};

} // namespace

void paintArrowLine(QPainter& painter, QPointF start, QPointF end, const QColor& color,
                    double width) {
    const ArrowFrame frame = frameOf(start, end);
    if (frame.length < 1)
        return;
    const QPointF base = end - frame.unit * headLength(width);
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(start, base + frame.unit * 1.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    paintHead(painter, end, frame, width);
}

void paintArrows(QPainter& painter, const LadderLayout& layout,
                 const std::vector<std::size_t>& drawn, std::optional<std::size_t> emphasised,
                 bool captureDots) {
    const LadderData& data = layout.data();
    const QPaintEngine* engine = painter.paintEngine();
    const bool batch = engine && engine->type() == QPaintEngine::Raster;
    const double captureX = captureDots ? layout.columns().captureX : -1;
    ArrowRun run;
    for (std::size_t index : drawn) {
        const PacketRecord& packet = data.packet(index);
        const ArrowKind kind = arrowKind(packet.flags(), packet.payloadLength());
        const LadderArrow arrow = layout.arrow(index);
        const bool emphasis = index == emphasised;
        if (batch && !emphasis && run.accepts(arrow, kind)) {
            run.add(arrow);
            continue;
        }
        run.paint(painter, captureX);
        run.start(arrow, kind, emphasis);
    }
    run.paint(painter, captureX);
}

} // namespace tcpladder::ui
