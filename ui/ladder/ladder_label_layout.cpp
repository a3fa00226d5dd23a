#include "ladder/ladder_label_layout.h"

#include "decode/tcp_segment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

namespace tcpladder::ui {
namespace {

// Bands of this many label lines decide between own labels and bundles: a
// band holding more packets than lines bundles them.
constexpr double kBandLines = 5;
// Labels are laid out from this many bands above the slice, so that what
// the slice shows does not depend on where it begins.
constexpr double kWalkBackBands = 2;

// The label rectangles placed so far, all one line high, keyed by their top
// edge: only those whose tops lie less than a line from a new rectangle's can
// meet it, and a binary search finds them.
class PlacedLabels {
public:
    explicit PlacedLabels(double lineHeight) : m_lineHeight(lineHeight) {}

    // The lowest bottom edge among placed rectangles that meet `rect`, or
    // nothing when it is free.
    std::optional<double> blockedUntil(const QRectF& rect) const {
        std::optional<double> bottom;
        const auto end = m_byTop.lower_bound(rect.top() + m_lineHeight);
        for (auto it = m_byTop.upper_bound(rect.top() - m_lineHeight); it != end; ++it)
            if (it->second.intersects(rect))
                bottom = std::max(bottom.value_or(it->second.bottom()), it->second.bottom());
        return bottom;
    }
    void add(const QRectF& rect) { m_byTop.emplace(rect.top(), rect); }

private:
    double m_lineHeight;
    std::multimap<double, QRectF> m_byTop;
};

struct Pending {
    const PacketRecord* packet = nullptr;
    std::size_t index = 0;
    double y = 0; // where its arrow leaves the sender
    long long band = 0;
    bool own = false;
};

void addToBundle(LadderLabel& label, const PacketRecord& packet, std::size_t index, double y) {
    const std::uint32_t length = packet.payloadLength();
    if (length > 0) {
        const std::uint32_t seq = packet.relativeSeq();
        if (label.segments == 0 || seq < label.seqFirst)
            label.seqFirst = seq;
        label.seqEnd = std::max(label.seqEnd, seq + length);
        ++label.segments;
        label.bytes += length;
    }
    if (packet.flags() & kAck) {
        if (label.acks++ == 0)
            label.ackFirst = packet.relativeAck();
        label.ackLast = packet.relativeAck();
    }
    label.last = index;
    label.bracketEnd = y;
    ++label.count;
}

LadderLabel startLabel(const Pending& p, bool fromClient, double x) {
    LadderLabel label;
    label.fromClient = fromClient;
    label.first = p.index;
    label.count = 0;
    label.anchor = QPointF(x, p.y);
    addToBundle(label, *p.packet, p.index, p.y);
    return label;
}

} // namespace

bool needsOwnLabel(const PacketRecord& packet) {
    return packet.analysis() != 0 || (packet.flags() & (kSyn | kFin | kRst)) != 0;
}

bool needsOwnLabel(const LadderData& data, std::size_t index) {
    const auto [first, last] = data.messagesStartingAt(index);
    return first != last || needsOwnLabel(data.packet(index));
}

std::vector<LadderLabel> layoutLabels(const LadderLayout& layout, std::size_t first,
                                      std::size_t last, double top, double bottom,
                                      const LadderLabelWidth& width) {
    std::vector<LadderLabel> labels;
    const LadderData& data = layout.data();
    last = std::min(last, data.packetCount());
    if (first >= last)
        return labels;
    const double line = layout.options().lineHeight;
    const double band = kBandLines * line;
    // Whole bands only, so that a band's choice never depends on the slice.
    const auto firstBand = static_cast<long long>(std::floor(top / band - kWalkBackBands));
    const auto lastBand = static_cast<long long>(std::floor((bottom + line) / band));
    const double from = static_cast<double>(firstBand) * band;
    const double to = static_cast<double>(lastBand + 1) * band;

    std::array<std::vector<Pending>, 2> sides; // [0] client, [1] server; in frame order
    auto [scanFirst, scanLast] = layout.packetsBetween(from, to);
    scanFirst = std::max(scanFirst, first);
    scanLast = std::min(scanLast, last);
    // A dense view scans thousands of packets a frame: one record read each.
    for (std::size_t i = scanFirst; i < scanLast; ++i) {
        const PacketRecord& packet = data.packet(i);
        const double y = layout.startY(i, packet);
        if (y < from || y >= to)
            continue;
        const auto [messagesFrom, messagesTo] = data.messagesStartingAt(i);
        auto& side = sides[packet.side() == data.clientSide ? 0 : 1];
        // A band never goes back within a side, so frame order decides ties.
        const long long own = static_cast<long long>(std::floor(y / band));
        side.push_back({&packet, i, y, side.empty() ? own : std::max(own, side.back().band),
                        messagesFrom != messagesTo || needsOwnLabel(packet)});
    }

    const LadderColumns& columns = layout.columns();
    const std::array<double, 2> laneX{columns.clientX, columns.serverX};
    PlacedLabels placed(line);
    std::array<double, 2> sideBottom{-1e300, -1e300};
    double lowest = -1e300;
    std::array<std::size_t, 2> next{0, 0};
    std::vector<LadderLabel> bandLabels;
    for (long long b = firstBand; b <= lastBand; ++b) {
        std::array<std::pair<std::size_t, std::size_t>, 2> spans;
        std::size_t packets = 0;
        for (int s = 0; s < 2; ++s) {
            const std::size_t begin = next[s];
            while (next[s] < sides[s].size() && sides[s][next[s]].band <= b)
                ++next[s];
            spans[s] = {begin, next[s]};
            packets += next[s] - begin;
        }
        if (packets == 0)
            continue;
        const double bandTop = static_cast<double>(b) * band;
        const double room = bandTop + band - std::max(bandTop - line, lowest);
        const bool bundle = static_cast<double>(packets) * line > room;
        bandLabels.clear();
        for (int s = 0; s < 2; ++s) {
            std::optional<LadderLabel> open;
            for (std::size_t k = spans[s].first; k < spans[s].second; ++k) {
                const Pending& p = sides[s][k];
                if (bundle && !p.own && open) {
                    addToBundle(*open, *p.packet, p.index, p.y);
                    continue;
                }
                if (open)
                    bandLabels.push_back(*open);
                open = startLabel(p, s == 0, laneX[s]);
                if (!bundle || p.own) {
                    bandLabels.push_back(*open);
                    open.reset();
                }
            }
            if (open)
                bandLabels.push_back(*open);
        }
        std::ranges::stable_sort(bandLabels, [](const LadderLabel& a, const LadderLabel& b) {
            return a.anchor.y() < b.anchor.y() ||
                   (a.anchor.y() == b.anchor.y() && a.first < b.first);
        });
        for (LadderLabel& label : bandLabels) {
            const int s = label.fromClient ? 0 : 1;
            const double w = width(label);
            const double left =
                label.fromClient ? laneX[0] + kLabelLaneInset : laneX[1] - kLabelLaneInset - w;
            QRectF rect(left, std::max(label.anchor.y() - line, sideBottom[s]), w, line);
            while (const auto blocked = placed.blockedUntil(rect))
                rect.moveTop(*blocked);
            placed.add(rect);
            label.rect = rect;
            sideBottom[s] = rect.bottom();
            lowest = std::max(lowest, rect.bottom());
            labels.push_back(label);
        }
    }
    return labels;
}

} // namespace tcpladder::ui
