#include "ladder/merged_ladder_layout.h"

#include "merged/merged_sides.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tcpladder::ui {
namespace {

constexpr double kBottomMargin = 24;
constexpr double kLabelGap = 8;      // between a lane and its label column
constexpr double kMinPointGap = 240; // between the two point lines
constexpr double kHitDistance = 5;

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

// The delay a direction's packets usually take between the points: where a
// lost packet's cross and a receiver-only packet's origin are drawn.
TimeNs usualDelay(const MergedConnection& connection, Side sender) {
    const DelayStats& stats = connection.oneWayDelay[sender];
    return stats.samples > 0 ? std::max<TimeNs>(stats.median, 0) : 0;
}

} // namespace

MergedLadderLayout::MergedLadderLayout(std::shared_ptr<const MergedCapture> merged,
                                       std::size_t connection, const MergedLadderOptions& options,
                                       const LabelWidth& labelWidth)
    : m_merged(std::move(merged)), m_connection(connection), m_options(options) {
    const MergedConnection& conn = this->connection();
    m_clientSidePoint = conn.clientPoint >= 0 ? conn.clientPoint : firstSeenPoint(conn);
    m_last = std::min(m_options.lastPacket, conn.packets.size());
    m_first = std::min(m_options.firstPacket, m_last);
    m_origin = std::numeric_limits<TimeNs>::max();
    m_end = std::numeric_limits<TimeNs>::min();
    std::vector<TimeNs> starts;
    for (std::size_t i = m_first; i < m_last; ++i) {
        const MergedPacket& packet = conn.packets[i];
        starts.push_back(packet.time[packet.seenAt(0) ? 0 : 1]);
        for (int point = 0; point < 2; ++point) {
            if (!packet.seenAt(point))
                continue;
            m_origin = std::min(m_origin, packet.time[point]);
            m_end = std::max(m_end, packet.time[point]);
        }
    }
    if (m_origin > m_end)
        m_origin = m_end = 0;

    const TimeNs span = std::max<TimeNs>(m_end - m_origin, 1);
    if (m_options.pixelsPerMs > 0) {
        m_pixelsPerNs = m_options.pixelsPerMs / 1e6;
    } else {
        TimeNs delay = 0;
        for (Side side : {kSideA, kSideB}) {
            const TimeNs d = usualDelay(conn, side);
            if (d > 0)
                delay = delay > 0 ? std::min(delay, d) : d;
        }
        // The scale at which packets usually lie a label apart.
        std::sort(starts.begin(), starts.end());
        std::vector<TimeNs> gaps;
        for (std::size_t i = 1; i < starts.size(); ++i)
            if (starts[i] > starts[i - 1])
                gaps.push_back(starts[i] - starts[i - 1]);
        double dense = static_cast<double>(starts.size() + 1) * m_options.labelHeight / span;
        if (!gaps.empty()) {
            std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
            dense = m_options.labelHeight / static_cast<double>(gaps[gaps.size() / 2]);
        }
        const double slant =
            delay > 0 ? MergedLadderOptions::kAutoDelayPixels / static_cast<double>(delay) : 0;
        m_pixelsPerNs = std::max(dense, std::min(slant, 4 * dense));
    }
    // Long connections zoom out to stay paintable (a QImage has a size limit).
    m_pixelsPerNs = std::min(m_pixelsPerNs, MergedLadderOptions::kMaxHeight / span);

    m_labelColumn = m_options.minLabelColumn;
    m_labelWidths.reserve(m_last - m_first);
    for (std::size_t i = m_first; i < m_last; ++i) {
        const double width = std::min(labelWidth ? labelWidth(i) : m_options.maxLabelColumn,
                                      m_options.maxLabelColumn);
        m_labelWidths.push_back(width);
        m_labelColumn = std::max(m_labelColumn, width);
    }
    m_clientLaneX = m_labelColumn + kLabelGap;
    m_serverLaneX = std::max(m_options.width - m_labelColumn - kLabelGap,
                             m_clientLaneX + 2 * kLaneGap + kMinPointGap);
    m_options.width = m_serverLaneX + kLabelGap + m_labelColumn;
    m_height = yAt(m_end) + kBottomMargin;
    placeArrows();
    placeLabels();
}

double MergedLadderLayout::yAt(TimeNs time) const {
    return kHeaderHeight + 12 + static_cast<double>(time - m_origin) * m_pixelsPerNs;
}

TimeNs MergedLadderLayout::timeAt(double y) const {
    return m_origin + static_cast<TimeNs>(std::llround((y - kHeaderHeight - 12) / m_pixelsPerNs));
}

double MergedLadderLayout::pointX(int point) const {
    return point == m_clientSidePoint ? m_clientLaneX + kLaneGap : m_serverLaneX - kLaneGap;
}

void MergedLadderLayout::placeArrows() {
    const MergedConnection& conn = connection();
    const Side client = mergedClientSide(*m_merged, conn);
    m_arrows.reserve(m_last - m_first);
    for (std::size_t i = m_first; i < m_last; ++i) {
        const MergedPacket& packet = conn.packets[i];
        MergedArrow arrow;
        arrow.packet = i;
        arrow.fromClient = packet.sender == client;
        arrow.senderLaneX = arrow.fromClient ? m_clientLaneX : m_serverLaneX;
        arrow.receiverLaneX = arrow.fromClient ? m_serverLaneX : m_clientLaneX;
        const int from = drawnSenderPoint(*m_merged, conn, packet.sender);
        const int to = otherPoint(from);
        const double gapMiddle = (pointX(0) + pointX(1)) / 2;
        const TimeNs usual = usualDelay(conn, packet.sender);
        if (!conn.bothSides() || packet.fate == PacketFate::OnePointOnly) {
            arrow.shape = MergedArrowShape::OnePoint;
            const int seen = packet.seenAt(from) ? from : to;
            const double y = yAt(packet.time[seen]);
            arrow.start = {arrow.senderLaneX, y};
            arrow.end = {arrow.receiverLaneX, y};
        } else if (packet.seenAt(from) && packet.seenAt(to)) {
            arrow.shape = MergedArrowShape::Crossing;
            arrow.start = {pointX(from), yAt(packet.time[from])};
            arrow.end = {pointX(to), yAt(packet.time[to])};
        } else if (packet.seenAt(from)) {
            arrow.shape = MergedArrowShape::LostBetween;
            arrow.start = {pointX(from), yAt(packet.time[from])};
            arrow.end = {gapMiddle, yAt(packet.time[from] + usual / 2)};
        } else {
            arrow.shape = MergedArrowShape::OnlyAtReceiver;
            arrow.start = {gapMiddle, yAt(packet.time[to] - usual / 2)};
            arrow.end = {pointX(to), yAt(packet.time[to])};
        }
        m_arrows.push_back(arrow);
    }
}

// Each side's labels in its own column outside the lanes, in packet order,
// each at its arrow or pushed down just below the label before it.
void MergedLadderLayout::placeLabels() {
    double nextFree[2] = {0, 0};
    m_labels.reserve(m_arrows.size());
    for (const MergedArrow& arrow : m_arrows) {
        // A second line says what the merge found, when it found anything.
        const MergedPacket& packet = connection().packets[arrow.packet];
        const bool finding = packet.oneSidedDisagrees || (packet.fate != PacketFate::SeenAtBoth &&
                                                          packet.fate != PacketFate::OnePointOnly);
        const double height = m_options.labelHeight * (finding ? 2 : 1);
        MergedLabel label;
        label.packet = arrow.packet;
        label.fromClient = arrow.fromClient;
        const double y =
            arrow.shape == MergedArrowShape::OnlyAtReceiver ? arrow.end.y() : arrow.start.y();
        label.anchor = {arrow.senderLaneX, y};
        const double width = m_labelWidths[arrow.packet - m_first];
        const int column = arrow.fromClient ? 0 : 1;
        const double top = std::max(y - m_options.labelHeight / 2, nextFree[column]);
        const double left =
            arrow.fromClient ? m_clientLaneX - kLabelGap - width : m_serverLaneX + kLabelGap;
        label.rect = QRectF(left, top, width, height);
        nextFree[column] = label.rect.bottom();
        m_height = std::max(m_height, label.rect.bottom() + kBottomMargin);
        m_labels.push_back(label);
    }
}

std::pair<std::size_t, std::size_t> MergedLadderLayout::packetsBetween(double top,
                                                                       double bottom) const {
    // Arrows slant and labels are pushed down, so neither is sorted by y: a
    // plain scan, done once per copy.
    std::size_t first = m_last;
    std::size_t last = m_first;
    for (std::size_t i = 0; i < m_arrows.size(); ++i) {
        const MergedArrow& arrow = m_arrows[i];
        const QRectF& label = m_labels[i].rect;
        const double low = std::min({arrow.start.y(), arrow.end.y(), label.top()});
        const double high = std::max({arrow.start.y(), arrow.end.y(), label.bottom()});
        if (high < top || low >= bottom)
            continue;
        first = std::min(first, arrow.packet);
        last = std::max(last, arrow.packet + 1);
    }
    return first < last ? std::pair{first, last} : std::pair{m_first, m_first};
}

std::ptrdiff_t MergedLadderLayout::arrowAt(QPointF position) const {
    std::ptrdiff_t best = -1;
    double bestDistance = kHitDistance;
    for (const MergedArrow& arrow : m_arrows) {
        const double distance = distanceToSegment(position, arrow.start, arrow.end);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = static_cast<std::ptrdiff_t>(arrow.packet);
        }
    }
    for (const MergedLabel& label : m_labels) {
        if (label.rect.contains(position))
            return static_cast<std::ptrdiff_t>(label.packet);
    }
    return best;
}

} // namespace tcpladder::ui
