#include "chart/sequence_blocks.h"

#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"

#include <algorithm>

namespace tcpladder::ui {
namespace {

static_assert(SequenceBlocks::kLarge % SequenceBlocks::kSmall == 0);

// Sorts and merges `bars` in place, then appends them to `out`.
void appendMerged(std::vector<BlockBar>& bars, std::vector<BlockBar>& out) {
    std::sort(bars.begin(), bars.end(), [](const BlockBar& a, const BlockBar& b) {
        return a.segmentClass != b.segmentClass ? a.segmentClass < b.segmentClass : a.low < b.low;
    });
    for (std::size_t i = 0; i < bars.size();) {
        BlockBar merged = bars[i++];
        while (i < bars.size() && bars[i].segmentClass == merged.segmentClass &&
               bars[i].low <= merged.high) {
            merged.high = std::max(merged.high, bars[i].high);
            ++i;
        }
        out.push_back(merged);
    }
    bars.clear();
}

// One level of blocks being filled: bars and line extremes so far.
struct OpenBlock {
    std::vector<BlockBar> bars;
    LineExtremes ack;
    LineExtremes window;

    // Segments mostly follow one another, so the newest bar usually just
    // grows; the rest is merged when the block closes.
    void add(const BlockBar& bar) {
        if (!bars.empty()) {
            BlockBar& last = bars.back();
            if (last.segmentClass == bar.segmentClass && bar.low <= last.high &&
                bar.high >= last.low) {
                last.low = std::min(last.low, bar.low);
                last.high = std::max(last.high, bar.high);
                return;
            }
        }
        bars.push_back(bar);
    }

    SequenceBlocks::Block close(std::vector<BlockBar>& allBars, TimeNs firstTime, TimeNs lastTime) {
        SequenceBlocks::Block block;
        block.firstTime = firstTime;
        block.lastTime = lastTime;
        block.barsBegin = static_cast<std::uint32_t>(allBars.size());
        appendMerged(bars, allBars);
        block.barsEnd = static_cast<std::uint32_t>(allBars.size());
        block.ack = ack.summary();
        block.window = window.summary();
        ack = {};
        window = {};
        return block;
    }
};

void addSummary(LineExtremes& into, const LineSummary& summary) {
    for (std::uint8_t k = 0; k < summary.count; ++k)
        into.add(summary.times[k], summary.values[k]);
}

void addFlagMarks(std::uint8_t flags, std::size_t index, TimeNs time, std::int64_t value,
                  std::vector<SequenceMark>& marks) {
    if (flags & kSyn)
        marks.push_back({index, time, SeriesRole::Syn, value});
    if (flags & kFin)
        marks.push_back({index, time, SeriesRole::Fin, value});
    if (flags & kRst)
        marks.push_back({index, time, SeriesRole::Rst, value});
}

} // namespace

SegmentClass segmentClassOf(std::uint16_t analysis) {
    if (analysis & kAnyRetransmission)
        return SegmentClass::Retransmission;
    return (analysis & kOutOfOrder) ? SegmentClass::OutOfOrder : SegmentClass::Normal;
}

void LineExtremes::add(TimeNs time, std::int64_t value) {
    const Sample sample{time, value, m_count++};
    if (sample.order == 0) {
        m_first = m_min = m_max = m_last = sample;
        return;
    }
    if (value < m_min.value)
        m_min = sample;
    if (value > m_max.value)
        m_max = sample;
    m_last = sample;
}

LineSummary LineExtremes::summary() const {
    LineSummary summary;
    if (m_count == 0)
        return summary;
    Sample kept[4] = {m_first, m_min, m_max, m_last};
    std::sort(std::begin(kept), std::end(kept),
              [](const Sample& a, const Sample& b) { return a.order < b.order; });
    for (int i = 0; i < 4; ++i) {
        if (i > 0 && kept[i].order == kept[i - 1].order)
            continue;
        summary.times[summary.count] = kept[i].time;
        summary.values[summary.count] = kept[i].value;
        ++summary.count;
    }
    return summary;
}

SequenceBlocks::SequenceBlocks(const LoadedCapture& capture, std::uint32_t connection, Side sender)
    : m_sender(sender) {
    const std::size_t count = capture.packets.packetCount(connection);
    m_small.reserve(count / kSmall);
    m_large.reserve(count / kLarge);
    const TimeNs origin = capture.connections[connection].firstTime;
    SequenceState state;
    OpenBlock small;
    OpenBlock large;
    TimeNs smallStart = 0;
    TimeNs largeStart = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const PacketRecord& r = capture.packets.at(connection, i);
        const SequenceState::Unwrapped u = state.advance(r);
        const TimeNs time = r.time() - origin;
        if (i % kSmall == 0)
            smallStart = time;
        if (i % kLarge == 0)
            largeStart = time;
        if (r.side() == sender) {
            if (r.payloadLength() > 0)
                small.add({u.seq, u.seq + r.payloadLength(), segmentClassOf(r.analysis())});
            addFlagMarks(r.flags(), i, time, u.seq, m_marks);
        } else {
            const std::int64_t ack = (r.flags() & kAck) ? u.ack : state.lastAck[r.side()];
            if (r.flags() & kAck) {
                small.ack.add(time, ack);
                small.window.add(time, ack + r.window());
            }
            if (r.analysis() & kZeroWindow)
                m_marks.push_back({i, time, SeriesRole::ZeroWindow, ack});
            addFlagMarks(r.flags(), i, time, ack, m_marks);
        }
        if ((i + 1) % kSmall != 0)
            continue;
        const Block& closed = m_small.emplace_back(small.close(m_bars, smallStart, time));
        const std::span<const BlockBar> closedBars = bars(closed);
        for (const BlockBar& bar : closedBars)
            large.add(bar);
        addSummary(large.ack, closed.ack);
        addSummary(large.window, closed.window);
        if ((i + 1) % kLarge == 0)
            m_large.push_back(large.close(m_bars, largeStart, time));
    }
}

} // namespace tcpladder::ui
