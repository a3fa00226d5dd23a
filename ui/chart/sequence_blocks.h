#pragma once

#include "analysis/sequence_state.h"
#include "chart/chart_content.h"
#include "common/time_ns.h"
#include "load/loaded_capture.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tcpladder::ui {

// How a data segment is drawn on the sequence chart.
enum class SegmentClass : std::uint8_t { Normal, Retransmission, OutOfOrder };

SegmentClass segmentClassOf(std::uint16_t analysis);

// A line's first, lowest, highest and last sample over a block of packets,
// in packet order with repeats dropped: what LineDecimator keeps of a column
// (ties go to the earliest sample, as there), so feeding these in place of
// the block's packets leaves the decimated line unchanged.
struct LineSummary {
    std::array<TimeNs, 4> times{}; // since the connection's first packet
    std::array<std::int64_t, 4> values{};
    std::uint8_t count = 0;
};

// Builds a LineSummary from samples fed in packet order (or from the
// summaries of consecutive sub-blocks, sample by sample).
class LineExtremes {
public:
    void add(TimeNs time, std::int64_t value);
    LineSummary summary() const;

private:
    struct Sample {
        TimeNs time = 0;
        std::int64_t value = 0;
        std::uint32_t order = 0;
    };
    std::uint32_t m_count = 0;
    Sample m_first, m_min, m_max, m_last;
};

// Segments of one class that overlap or touch, merged: bars standing for
// them merge just as the segments would (every merging gap is positive).
struct BlockBar {
    std::int64_t low = 0;
    std::int64_t high = 0;
    SegmentClass segmentClass = SegmentClass::Normal;
};

// A SYN, FIN, RST or zero-window mark of the sequence chart, with the value
// it is drawn at; kept apart as they are few and need no summary.
struct SequenceMark {
    std::size_t index = 0;
    TimeNs time = 0; // since the connection's first packet
    SeriesRole role = SeriesRole::Syn;
    std::int64_t value = 0;
};

// Per-block summaries of one direction's sequence chart, built once when the
// chart first needs them: for blocks of kSmall and kLarge packets the merged
// bars per class and the ACK line's and window limit's extremes. A pixel
// column that spans many packets then costs a few blocks instead of every
// packet; blocks that straddle a column are still read packet by packet.
class SequenceBlocks {
public:
    // kSmall matches the checkpoint stride: reading packet by packet from a
    // block's start needs no replay.
    static constexpr std::size_t kSmall = SequenceCheckpoints::kStride;
    static constexpr std::size_t kLarge = 1024;

    // Times here are since the connection's first packet. They are copied
    // from the packets so that finding the blocks inside a column reads this
    // array in order instead of missing the cache on every block's packets.
    struct Block {
        TimeNs firstTime = 0; // of the block's first and last packet
        TimeNs lastTime = 0;
        LineSummary ack;    // the receiver's ACK numbers
        LineSummary window; // ACK + scaled window
        std::uint32_t barsBegin = 0;
        std::uint32_t barsEnd = 0;
    };

    SequenceBlocks(const LoadedCapture& capture, std::uint32_t connection, Side sender);

    Side sender() const { return m_sender; }
    // Only whole blocks are summarised; the tail of the connection is not.
    std::size_t smallCount() const { return m_small.size(); }
    std::size_t largeCount() const { return m_large.size(); }
    const Block& small(std::size_t block) const { return m_small[block]; }
    const Block& large(std::size_t block) const { return m_large[block]; }
    std::span<const BlockBar> bars(const Block& block) const {
        return {m_bars.data() + block.barsBegin, m_bars.data() + block.barsEnd};
    }
    // Every mark of the connection for this direction, in packet order.
    const std::vector<SequenceMark>& marks() const { return m_marks; }

private:
    Side m_sender;
    std::vector<Block> m_small;
    std::vector<Block> m_large;
    std::vector<BlockBar> m_bars;
    std::vector<SequenceMark> m_marks;
};

} // namespace tcpladder::ui
