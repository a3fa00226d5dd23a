#include "ladder/ladder_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <ranges>

namespace tcpladder::ui {
namespace {

// Heights beyond this would overflow a scroll bar's int range in the view.
constexpr double kMaxContentHeight = 1e9;
constexpr double kMinWidth = 860;
// Per-packet rows slant by this share of a row, split at the capture point.
constexpr double kRowSlant = 0.8;
// Hit-testing looks at this many arrows at most on each side of the point.
constexpr std::size_t kHitCandidates = 400;
// One round trip this high lets arrows slant at a readable angle and shows
// a flight of segments as one group, unless the screen is smaller.
constexpr double kRttHeight = 600;
constexpr double kRttShareOfScreen = 0.8;
// The default zoom never shows fewer packets than this on the first screen:
// a 43 µs loopback handshake at a screen per round trip would show one SYN.
constexpr std::size_t kFirstScreenPackets = 15;

TimeNs removedTotal(const LadderTimeline& timeline) {
    if (timeline.breaks.empty())
        return 0;
    const Silence& last = timeline.breaks.back();
    return last.removedBefore + last.length();
}

TimeNs maxDelay(const LadderData& data, bool slanted) {
    return slanted ? std::max(data.estimate.clientDelay, data.estimate.serverDelay) : 0;
}

// Time on the true-time axis, where breaks are cut out: what pixels scale.
TimeNs axisTime(const LadderTimeline& timeline, TimeNs time) {
    const auto& breaks = timeline.breaks;
    const auto after =
        std::ranges::partition_point(breaks, [&](const Silence& s) { return s.end <= time; });
    return time -
           (after == breaks.begin() ? 0 : (after - 1)->removedBefore + (after - 1)->length());
}

// Pixels of a true-time ladder that do not scale with zoom, in `breaks` breaks.
double fixedHeight(const LadderOptions& options, std::size_t breaks) {
    return options.topMargin + options.bottomMargin +
           static_cast<double>(breaks) * options.breakHeight;
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0
                         ? std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0)
                         : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

} // namespace

QPointF LadderArrow::pointAtX(double x) const {
    const double span = end.x() - start.x();
    const double share = span != 0 ? (x - start.x()) / span : 0.5;
    return {x, start.y() + share * (end.y() - start.y())};
}

LadderLayout::LadderLayout(std::shared_ptr<const LadderData> data, const LadderOptions& options)
    : m_data(std::move(data)), m_options(options) {
    const double width = std::max(options.width, kMinWidth);
    m_columns.width = width;
    m_columns.rulerRight = 84; // room for "-376.208 ms" in the small font
    m_columns.clientX = m_columns.rulerRight + 90;
    m_columns.notesLeft = width - 210;
    m_columns.serverX = m_columns.notesLeft - 100;
    m_columns.captureX =
        m_columns.clientX + m_data->estimate.fraction * (m_columns.serverX - m_columns.clientX);

    if (m_options.pixelsPerSecond <= 0)
        m_options.pixelsPerSecond = defaultPixelsPerSecond(*m_data, m_options);
    m_scale = m_options.pixelsPerSecond / 1e9;
    m_top = m_options.topMargin + arrowSpread();
    const auto count = static_cast<double>(m_data->packetCount());
    m_contentHeight = m_options.axis == TimeAxis::PerPacket
                          ? m_top + count * m_options.rowHeight
                          : yForTime(m_data->timeline.duration) + arrowSpread();
    m_contentHeight = std::min(m_contentHeight + m_options.bottomMargin, kMaxContentHeight);
}

double LadderLayout::arrowSpread() const {
    if (!slanted())
        return 0;
    if (m_options.axis == TimeAxis::PerPacket)
        return kRowSlant * m_options.rowHeight;
    return static_cast<double>(maxDelay(*m_data, true)) * m_scale;
}

double LadderLayout::bandTop(std::size_t k) const {
    const Silence& gap = m_data->timeline.breaks[k];
    return m_top + static_cast<double>(gap.begin - gap.removedBefore) * m_scale +
           static_cast<double>(k) * m_options.breakHeight;
}

double LadderLayout::yForTime(TimeNs time) const {
    if (m_options.axis == TimeAxis::PerPacket) {
        const std::size_t count = m_data->packetCount();
        return count == 0 ? m_top : yForPacket(std::min(m_data->firstAtOrAfter(time), count - 1));
    }
    const auto& breaks = m_data->timeline.breaks;
    const auto k = static_cast<std::size_t>(
        std::ranges::partition_point(breaks, [&](const Silence& s) { return s.end <= time; }) -
        breaks.begin());
    if (k < breaks.size() && time > breaks[k].begin) {
        const double share =
            static_cast<double>(time - breaks[k].begin) / static_cast<double>(breaks[k].length());
        return bandTop(k) + share * m_options.breakHeight;
    }
    const TimeNs removed =
        k < breaks.size() ? breaks[k].removedBefore : removedTotal(m_data->timeline);
    return m_top + static_cast<double>(time - removed) * m_scale +
           static_cast<double>(k) * m_options.breakHeight;
}

TimeNs LadderLayout::timeForY(double y) const {
    if (m_options.axis == TimeAxis::PerPacket) {
        if (m_data->packetCount() == 0)
            return 0;
        const double row = std::floor((y - m_top) / m_options.rowHeight + 0.5);
        const auto count = static_cast<double>(m_data->packetCount());
        return m_data->relativeTime(static_cast<std::size_t>(std::clamp(row, 0.0, count - 1)));
    }
    const auto& breaks = m_data->timeline.breaks;
    const auto indices = std::views::iota(std::size_t{0}, breaks.size());
    const auto found = std::ranges::partition_point(
        indices, [&](std::size_t i) { return bandTop(i) + m_options.breakHeight <= y; });
    const std::size_t index = found == indices.end() ? breaks.size() : *found;
    if (index < breaks.size() && y >= bandTop(index)) {
        const double share = (y - bandTop(index)) / m_options.breakHeight;
        return breaks[index].begin +
               static_cast<TimeNs>(share * static_cast<double>(breaks[index].length()));
    }
    const TimeNs removed =
        index < breaks.size() ? breaks[index].removedBefore : removedTotal(m_data->timeline);
    const double offset = y - m_top - static_cast<double>(index) * m_options.breakHeight;
    return static_cast<TimeNs>(std::llround(offset / m_scale)) + removed;
}

double LadderLayout::yForPacket(std::size_t index) const {
    if (m_options.axis == TimeAxis::PerPacket)
        return m_top + (static_cast<double>(index) + 0.5) * m_options.rowHeight;
    return yForTime(keyTime(index));
}

TimeNs LadderLayout::keyTime(std::size_t index) const {
    return m_data->timeline.timeIndex.key(index);
}

std::vector<std::size_t> LadderLayout::clockStepsBetween(std::size_t first,
                                                         std::size_t last) const {
    std::vector<std::size_t> steps;
    const PacketTimeIndex& times = m_data->timeline.timeIndex;
    if (times.monotonic() || m_options.axis == TimeAxis::PerPacket)
        return steps;
    for (std::size_t i = std::max<std::size_t>(first, 1); i < std::min(last, times.packetCount());
         ++i)
        if (m_data->relativeTime(i) < m_data->relativeTime(i - 1))
            steps.push_back(i);
    return steps;
}

double LadderLayout::startY(std::size_t index, const PacketRecord& packet) const {
    const bool fromClient = packet.side() == m_data->clientSide;
    if (!slanted())
        return yForPacket(index);
    if (m_options.axis == TimeAxis::PerPacket) {
        const double fromSender =
            fromClient ? m_data->estimate.fraction : 1 - m_data->estimate.fraction;
        return yForPacket(index) - kRowSlant * m_options.rowHeight * fromSender;
    }
    return yForTime(keyTime(index) - m_data->estimate.delayFromSender(fromClient));
}

LadderArrow LadderLayout::arrow(std::size_t index) const {
    LadderArrow arrow;
    arrow.index = index;
    arrow.fromClient = m_data->fromClient(index);
    arrow.captureY = yForPacket(index);
    const double senderX = arrow.fromClient ? m_columns.clientX : m_columns.serverX;
    const double receiverX = arrow.fromClient ? m_columns.serverX : m_columns.clientX;
    double startY = arrow.captureY;
    double endY = arrow.captureY;
    if (slanted() && m_options.axis == TimeAxis::PerPacket) {
        const double fromSender =
            arrow.fromClient ? m_data->estimate.fraction : 1 - m_data->estimate.fraction;
        startY -= kRowSlant * m_options.rowHeight * fromSender;
        endY += kRowSlant * m_options.rowHeight * (1 - fromSender);
    } else if (slanted()) {
        const TimeNs time = keyTime(index);
        startY = yForTime(time - m_data->estimate.delayFromSender(arrow.fromClient));
        endY = yForTime(time + m_data->estimate.delayToReceiver(arrow.fromClient));
    }
    arrow.start = QPointF(senderX, startY);
    arrow.end = QPointF(receiverX, endY);
    return arrow;
}

std::pair<std::size_t, std::size_t> LadderLayout::packetsBetween(double top, double bottom) const {
    const std::size_t count = m_data->packetCount();
    if (m_options.axis == TimeAxis::PerPacket) {
        const double spread = arrowSpread() + m_options.rowHeight;
        const double first = std::floor((top - spread - m_top) / m_options.rowHeight);
        const double last = std::ceil((bottom + spread - m_top) / m_options.rowHeight);
        const auto clamp = [&](double row) {
            return static_cast<std::size_t>(std::clamp(row, 0.0, static_cast<double>(count)));
        };
        return {clamp(first), clamp(last + 1)};
    }
    const TimeNs delay = maxDelay(*m_data, slanted());
    const std::size_t first = m_data->firstAtOrAfter(timeForY(top) - delay - 1);
    const std::size_t last = m_data->firstAtOrAfter(timeForY(bottom) + delay + 1);
    return {first, std::max(first, last)};
}

std::vector<std::size_t> LadderLayout::arrowsToDraw(double top, double bottom,
                                                    double perPixel) const {
    const auto [first, last] = packetsBetween(top, bottom);
    std::vector<std::size_t> drawn;
    if (static_cast<double>(last - first) <= perPixel * std::max(1.0, bottom - top)) {
        drawn.resize(last - first);
        std::iota(drawn.begin(), drawn.end(), first);
        return drawn;
    }
    for (double y = std::floor(top); y < bottom; y += 1) {
        std::size_t index = 0;
        if (m_options.axis == TimeAxis::PerPacket)
            index = static_cast<std::size_t>(
                std::max(0.0, std::floor((y - m_top) / m_options.rowHeight)));
        else
            index = m_data->firstAtOrAfter(timeForY(y));
        if (index >= m_data->packetCount())
            break;
        if (drawn.empty() || index > drawn.back())
            drawn.push_back(index);
    }
    return drawn;
}

std::optional<std::size_t> LadderLayout::packetAt(QPointF point, double tolerance) const {
    auto [first, last] = packetsBetween(point.y() - tolerance, point.y() + tolerance);
    if (last - first > 2 * kHitCandidates) {
        const std::size_t middle = m_options.axis == TimeAxis::PerPacket
                                       ? (first + last) / 2
                                       : m_data->firstAtOrAfter(timeForY(point.y()));
        first = middle > kHitCandidates ? middle - kHitCandidates : 0;
        last = std::min(m_data->packetCount(), middle + kHitCandidates);
    }
    std::optional<std::size_t> best;
    double bestDistance = tolerance;
    const bool inInfoColumn = point.x() < m_columns.rulerRight;
    for (std::size_t index = first; index < last; ++index) {
        const LadderArrow a = arrow(index);
        const double distance = inInfoColumn ? std::abs(point.y() - a.captureY)
                                             : distanceToSegment(point, a.start, a.end);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = index;
        }
    }
    return best;
}

std::vector<BreakBand> LadderLayout::breaksBetween(double top, double bottom) const {
    std::vector<BreakBand> bands;
    const auto& breaks = m_data->timeline.breaks;
    if (m_options.axis == TimeAxis::PerPacket) {
        // Between the two rows; drawn as a thin marker since rows ignore time.
        const auto rowTop = [&](const Silence& s) {
            return m_top + static_cast<double>(s.before) * m_options.rowHeight;
        };
        auto it = std::ranges::partition_point(
            breaks, [&](const Silence& s) { return rowTop(s) + 3 < top; });
        for (; it != breaks.end() && rowTop(*it) - 3 < bottom; ++it)
            bands.push_back({&*it, rowTop(*it) - 3, rowTop(*it) + 3});
        return bands;
    }
    const auto indices = std::views::iota(std::size_t{0}, breaks.size());
    const auto found = std::ranges::partition_point(
        indices, [&](std::size_t i) { return bandTop(i) + m_options.breakHeight <= top; });
    for (std::size_t k = found == indices.end() ? breaks.size() : *found;
         k < breaks.size() && bandTop(k) < bottom; ++k)
        bands.push_back({&breaks[k], bandTop(k), bandTop(k) + m_options.breakHeight});
    return bands;
}

std::vector<AxisStretch> LadderLayout::stretchesBetween(double top, double bottom) const {
    std::vector<AxisStretch> stretches;
    if (m_options.axis == TimeAxis::PerPacket) {
        stretches.push_back({timeForY(top), timeForY(bottom), top, bottom});
        return stretches;
    }
    const std::vector<BreakBand> bands = breaksBetween(top, bottom);
    double y = top;
    for (const BreakBand& band : bands) {
        if (band.top > y)
            stretches.push_back({timeForY(y), timeForY(band.top), y, band.top});
        y = std::max(y, band.bottom);
    }
    if (y < bottom)
        stretches.push_back({timeForY(y), timeForY(bottom), y, bottom});
    return stretches;
}

double LadderLayout::defaultPixelsPerSecond(const LadderData& data, const LadderOptions& options,
                                            std::size_t firstPacket) {
    const LadderTimeline& timeline = data.timeline;
    const double span =
        static_cast<double>(std::max<TimeNs>(axisTime(timeline, timeline.duration), 1));
    const double limit = kMaxContentHeight / 2 / span * 1e9;
    const double fit = fittingPixelsPerSecond(data, options, options.viewHeight);
    const std::size_t count = data.packetCount();
    // The whole story on one screen, when there is room for every label.
    const double room = options.viewHeight - fixedHeight(options, timeline.breaks.size());
    if (count == 0 || static_cast<double>(count) * options.lineHeight <= room)
        return std::min(fit, limit);

    const auto rtt = data.summary.handshakeRtt();
    const double gap = static_cast<double>(std::max<TimeNs>(timeline.typicalGap, 1000));
    const double rttHeight = std::min(kRttHeight, kRttShareOfScreen * options.viewHeight);
    double wanted = rtt && *rtt > 0 ? rttHeight / static_cast<double>(*rtt) * 1e9
                                    : 1.4 * options.lineHeight / gap * 1e9;
    // Zoomed out just enough that packet `last` passes the capture point on
    // the first screen, below the room left for the first slanted arrow.
    const std::size_t first = std::min(firstPacket, count - 1);
    const std::size_t last = std::min(count, first + kFirstScreenPackets) - 1;
    const TimeNs firstTime = data.relativeTime(first);
    const TimeNs lastTime = data.relativeTime(last);
    const auto breaksOnScreen = static_cast<std::size_t>(std::ranges::count_if(
        timeline.breaks, [&](const Silence& s) { return firstTime < s.end && s.end <= lastTime; }));
    const bool slanted = options.slanted && data.estimate.known();
    const double reach = static_cast<double>(std::max<TimeNs>(
        axisTime(timeline, lastTime) - axisTime(timeline, firstTime) + maxDelay(data, slanted), 1));
    const double firstScreen =
        std::max(options.viewHeight - fixedHeight(options, breaksOnScreen), 40.0) / reach * 1e9;
    wanted = std::min(wanted, firstScreen);
    return std::min(std::max(wanted, fit), limit);
}

double LadderLayout::fittingPixelsPerSecond(const LadderData& data, const LadderOptions& options,
                                            double height) {
    const bool slanted = options.slanted && data.estimate.known();
    const double fixed = fixedHeight(options, data.timeline.breaks.size());
    const double span = static_cast<double>(std::max<TimeNs>(
        data.timeline.duration - removedTotal(data.timeline) + 2 * maxDelay(data, slanted), 1));
    return std::max(height - fixed, 40.0) / span * 1e9;
}

} // namespace tcpladder::ui
