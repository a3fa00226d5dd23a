#include "chart/sequence_series.h"

#include "chart/decimation.h"
#include "chart/sequence_blocks.h"
#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"
#include "tcp/seq_math.h"

#include <algorithm>
#include <limits>

namespace tcpladder::ui {
namespace {

bool isAck(const PacketRecord& record, Side receiver) {
    return record.side() == receiver && (record.flags() & kAck);
}

struct RawMark {
    SeriesRole role;
    TimeNs time;
    double value;
};

void markFlags(std::uint8_t flags, TimeNs time, double value, std::vector<RawMark>& marks) {
    if (flags & kSyn)
        marks.push_back({SeriesRole::Syn, time, value});
    if (flags & kFin)
        marks.push_back({SeriesRole::Fin, time, value});
    if (flags & kRst)
        marks.push_back({SeriesRole::Rst, time, value});
}

// Collects one pass over the packets in range, before the value range is
// known; fed packet by packet, or by block summaries where a block lies
// inside one pixel column. Both give the same reduction.
class SequencePass {
    const ChartRequest& m_request;
    const LoadedCapture& m_capture;
    TimeNs m_origin;

public:
    SequencePass(const ChartRequest& request, const PixelColumns& columns)
        : m_request(request), m_capture(*request.capture),
          m_origin(m_capture.connections[request.connection].firstTime), segments(columns),
          retransmissions(columns), outOfOrder(columns), sack(columns), ackLine(columns),
          windowLimit(columns) {}

    // A packet of [range.from, range.to), in order; `marks` and `readSack`
    // say whether to collect its marks and SACK blocks too.
    void addPacket(std::size_t index, SequenceState& state, bool inRange, bool marks,
                   bool readSack);
    // A block of packets, all in range and in one column.
    void addBlock(const SequenceBlocks& blocks, const SequenceBlocks::Block& block);

    BarDecimator segments, retransmissions, outOfOrder, sack;
    LineDecimator ackLine, windowLimit;
    std::vector<RawMark> marks;
    ValueExtent data;   // what the value axis must show
    ValueExtent window; // the window limit, shown only as far as it stays near the data

private:
    BarDecimator& barsOf(SegmentClass segmentClass) {
        return segmentClass == SegmentClass::Retransmission ? retransmissions
               : segmentClass == SegmentClass::OutOfOrder   ? outOfOrder
                                                            : segments;
    }
    void addSack(std::size_t index, const PacketRecord& record, std::int64_t ack, TimeNs time);
};

void SequencePass::addPacket(std::size_t index, SequenceState& state, bool inRange, bool withMarks,
                             bool readSack) {
    const PacketRecord& r = m_capture.packets.at(m_request.connection, index);
    const SequenceState::Unwrapped u = state.advance(r);
    const TimeNs time = r.time() - m_origin;
    if (r.side() == m_request.sender) {
        if (!inRange)
            return;
        const auto low = static_cast<double>(u.seq);
        if (r.payloadLength() > 0) {
            const auto high = static_cast<double>(u.seq + r.payloadLength());
            barsOf(segmentClassOf(r.analysis())).add(time, low, high);
            data.add(low);
            data.add(high);
        }
        if (withMarks)
            markFlags(r.flags(), time, low, marks);
        return;
    }
    const std::int64_t ack = (r.flags() & kAck) ? u.ack : state.lastAck[r.side()];
    if (r.flags() & kAck) {
        const auto limit = static_cast<double>(ack + r.window());
        ackLine.add(time, static_cast<double>(ack));
        windowLimit.add(time, limit);
        if (inRange) {
            data.add(static_cast<double>(ack));
            window.add(limit);
        }
    }
    if (!inRange)
        return;
    if (withMarks) {
        if (r.analysis() & kZeroWindow)
            marks.push_back({SeriesRole::ZeroWindow, time, static_cast<double>(ack)});
        markFlags(r.flags(), time, static_cast<double>(ack), marks);
    }
    if (readSack && (r.flags() & kAck))
        addSack(index, r, ack, time);
}

void SequencePass::addSack(std::size_t index, const PacketRecord& record, std::int64_t ack,
                           TimeNs time) {
    for (const auto& [left, right] : m_request.sack->blocks(index)) {
        const std::int64_t low = ack + seqDistance(left, record.relativeAck());
        const std::int64_t high = ack + seqDistance(right, record.relativeAck());
        sack.add(time, static_cast<double>(low), static_cast<double>(high));
        data.add(static_cast<double>(low));
        data.add(static_cast<double>(high));
    }
}

void SequencePass::addBlock(const SequenceBlocks& blocks, const SequenceBlocks::Block& block) {
    // Every bar of the block falls in the same column: one time serves all.
    for (const BlockBar& bar : blocks.bars(block)) {
        const auto low = static_cast<double>(bar.low);
        const auto high = static_cast<double>(bar.high);
        barsOf(bar.segmentClass).add(block.firstTime, low, high);
        data.add(low);
        data.add(high);
    }
    for (std::uint8_t k = 0; k < block.ack.count; ++k) {
        const auto value = static_cast<double>(block.ack.values[k]);
        ackLine.add(block.ack.times[k], value);
        data.add(value);
    }
    for (std::uint8_t k = 0; k < block.window.count; ++k) {
        const auto value = static_cast<double>(block.window.values[k]);
        windowLimit.add(block.window.times[k], value);
        window.add(value);
    }
}

std::size_t acksInRange(const ChartRequest& request, std::size_t first, std::size_t last,
                        std::size_t limit) {
    std::size_t acks = 0;
    for (std::size_t i = first; i < last && acks <= limit; ++i) {
        acks += isAck(request.capture->packets.at(request.connection, i), request.receiver());
    }
    return acks;
}

void scanPackets(const ChartRequest& request, const PacketRange& range, bool readSack,
                 SequencePass& pass) {
    SequenceState state = request.checkpoints->stateBefore(range.from);
    for (std::size_t i = range.from; i < range.to; ++i)
        pass.addPacket(i, state, range.inRange(i), true, readSack);
}

// As scanPackets, but a block wholly in range and inside one pixel column
// is taken from its summary. Reading resumes packet by packet at a block's
// start, where a checkpoint holds the state.
void scanBlocks(const ChartRequest& request, const PacketRange& range, const PixelColumns& columns,
                SequencePass& pass) {
    using Blocks = SequenceBlocks;
    const SequenceBlocks& blocks = *request.blocks;
    const auto within = [&](const SequenceBlocks::Block& block, std::size_t first,
                            std::size_t size) {
        return first + size <= range.last &&
               columns.column(block.firstTime) == columns.column(block.lastTime);
    };
    SequenceState state = request.checkpoints->stateBefore(range.from);
    bool stateValid = true;
    std::size_t i = range.from;
    while (i < range.to) {
        if (i >= range.first && i % Blocks::kSmall == 0) {
            if (i % Blocks::kLarge == 0 && i / Blocks::kLarge < blocks.largeCount() &&
                within(blocks.large(i / Blocks::kLarge), i, Blocks::kLarge)) {
                pass.addBlock(blocks, blocks.large(i / Blocks::kLarge));
                i += Blocks::kLarge;
                stateValid = false;
                continue;
            }
            if (i / Blocks::kSmall < blocks.smallCount() &&
                within(blocks.small(i / Blocks::kSmall), i, Blocks::kSmall)) {
                pass.addBlock(blocks, blocks.small(i / Blocks::kSmall));
                i += Blocks::kSmall;
                stateValid = false;
                continue;
            }
        }
        if (!stateValid) {
            state = request.checkpoints->stateBefore(i);
            stateValid = true;
        }
        pass.addPacket(i, state, range.inRange(i), false, false);
        ++i;
    }
    const std::vector<SequenceMark>& marks = blocks.marks();
    auto mark = std::lower_bound(marks.begin(), marks.end(), range.first,
                                 [](const SequenceMark& m, std::size_t i) { return m.index < i; });
    for (; mark != marks.end() && mark->index < range.last; ++mark) {
        pass.marks.push_back({mark->role, mark->time, static_cast<double>(mark->value)});
    }
}

} // namespace

bool isRetransmission(std::uint16_t analysis) {
    return segmentClassOf(analysis) == SegmentClass::Retransmission;
}

ChartContent buildSequenceChart(const ChartRequest& request) {
    const PixelColumns columns(request.begin, request.end, request.columns);
    const PacketRange range = packetRange(request);

    ChartContent content;
    content.kind = ChartKind::Sequence;
    content.valueKind = ValueKind::Bytes;
    content.begin = columns.begin();
    content.end = columns.end();

    const bool readSack =
        request.sack && acksInRange(request, range.first, range.last, request.sackReadLimit) <=
                            request.sackReadLimit;
    if (request.sack && !readSack)
        content.note = "SACK blocks appear when fewer ACKs are in view; zoom in";

    SequencePass pass(request, columns);
    // SACK blocks are read only for a short range; that is read packet by packet.
    if (request.blocks && request.blocks->sender() == request.sender && !readSack)
        scanBlocks(request, range, columns, pass);
    else
        scanPackets(request, range, readSack, pass);

    // The window limit may tower over the data (a large window on a short
    // transfer); the axis follows it only up to half the data's height again.
    ValueExtent extent = pass.data;
    if (!pass.window.empty() && !extent.empty()) {
        const double reach = extent.max() + 0.5 * std::max(extent.max() - extent.min(), 1.0);
        extent.add(std::min(pass.window.max(), reach));
    }
    const auto [low, high] = extent.range(request, std::numeric_limits<double>::lowest());
    content.valueMin = low;
    content.valueMax = high;
    const double valuePerRow = (high - low) / std::max(request.rows, 1);

    MarkDecimator zeroWindow(columns, low, high, request.rows / 3);
    MarkDecimator syn(columns, low, high, request.rows / 3);
    MarkDecimator fin(columns, low, high, request.rows / 3);
    MarkDecimator rst(columns, low, high, request.rows / 3);
    for (const RawMark& m : pass.marks) {
        MarkDecimator& target = m.role == SeriesRole::ZeroWindow ? zeroWindow
                                : m.role == SeriesRole::Syn      ? syn
                                : m.role == SeriesRole::Fin      ? fin
                                                                 : rst;
        target.add(m.time, m.value);
    }

    for (SeriesRole role : rolesOf(ChartKind::Sequence)) {
        ChartSeries series{role, {}, {}};
        switch (role) {
        case SeriesRole::Segments:
            series.bars = pass.segments.finish(valuePerRow);
            break;
        case SeriesRole::Retransmissions:
            series.bars = pass.retransmissions.finish(valuePerRow);
            break;
        case SeriesRole::OutOfOrder:
            series.bars = pass.outOfOrder.finish(valuePerRow);
            break;
        case SeriesRole::SackBlocks:
            series.bars = pass.sack.finish(valuePerRow);
            break;
        case SeriesRole::AckLine:
            series.points = toSteps(pass.ackLine.finish(), columns.nsPerColumn());
            break;
        case SeriesRole::WindowLimit:
            series.points = toSteps(pass.windowLimit.finish(), columns.nsPerColumn());
            break;
        case SeriesRole::ZeroWindow:
            series.points = zeroWindow.finish();
            break;
        case SeriesRole::Syn:
            series.points = syn.finish();
            break;
        case SeriesRole::Fin:
            series.points = fin.finish();
            break;
        case SeriesRole::Rst:
            series.points = rst.finish();
            break;
        default:
            break;
        }
        content.series.push_back(std::move(series));
    }
    return content;
}

} // namespace tcpladder::ui
