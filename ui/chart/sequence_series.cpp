#include "chart/sequence_series.h"

#include "chart/decimation.h"
#include "decode/tcp_segment.h"
#include "tcp/connection_tracker.h"

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

// Collects one pass over the packets in range, before the value range is known.
struct SequencePass {
    explicit SequencePass(const PixelColumns& columns)
        : segments(columns), retransmissions(columns), outOfOrder(columns), sack(columns),
          ackLine(columns), windowLimit(columns) {}

    BarDecimator segments, retransmissions, outOfOrder, sack;
    LineDecimator ackLine, windowLimit;
    std::vector<RawMark> marks;
    ValueExtent data;   // what the value axis must show
    ValueExtent window; // the window limit, shown only as far as it stays near the data
};

void addSack(const ChartRequest& request, std::size_t index, const PacketRecord& record,
             std::int64_t ack, TimeNs time, SequencePass& pass) {
    for (const auto& [left, right] : request.sack->blocks(index)) {
        const std::int64_t low = ack + static_cast<std::int32_t>(left - record.relativeAck());
        const std::int64_t high = ack + static_cast<std::int32_t>(right - record.relativeAck());
        pass.sack.add(time, static_cast<double>(low), static_cast<double>(high));
        pass.data.add(static_cast<double>(low));
        pass.data.add(static_cast<double>(high));
    }
}

void markFlags(std::uint8_t flags, TimeNs time, double value, std::vector<RawMark>& marks) {
    if (flags & kSyn)
        marks.push_back({SeriesRole::Syn, time, value});
    if (flags & kFin)
        marks.push_back({SeriesRole::Fin, time, value});
    if (flags & kRst)
        marks.push_back({SeriesRole::Rst, time, value});
}

std::size_t acksInRange(const ChartRequest& request, std::size_t first, std::size_t last,
                        std::size_t limit) {
    std::size_t acks = 0;
    for (std::size_t i = first; i < last && acks <= limit; ++i) {
        acks += isAck(request.capture->packets.at(request.connection, i), request.receiver());
    }
    return acks;
}

} // namespace

bool isRetransmission(std::uint16_t analysis) {
    return analysis & (kRetransmission | kFastRetransmission | kSpuriousRetransmission);
}

ChartContent buildSequenceChart(const ChartRequest& request) {
    const LoadedCapture& capture = *request.capture;
    const std::uint32_t conn = request.connection;
    const TimeNs origin = capture.connections[conn].firstTime;
    const PixelColumns columns(request.begin, request.end, request.columns);
    const PacketRange range = packetRange(request);
    const std::size_t first = range.first;
    const std::size_t last = range.last;

    ChartContent content;
    content.kind = ChartKind::Sequence;
    content.valueKind = ValueKind::Bytes;
    content.begin = columns.begin();
    content.end = columns.end();

    const bool readSack =
        request.sack &&
        acksInRange(request, first, last, request.sackReadLimit) <= request.sackReadLimit;
    if (request.sack && !readSack)
        content.note = "SACK blocks appear when fewer ACKs are in view; zoom in";

    SequencePass pass(columns);
    SequenceState state = request.checkpoints->stateBefore(range.from);
    for (std::size_t i = range.from; i < range.to; ++i) {
        const PacketRecord& r = capture.packets.at(conn, i);
        const SequenceState::Unwrapped u = state.advance(r);
        const TimeNs time = r.time() - origin;
        const bool inRange = i >= first && i < last;
        if (r.side() == request.sender) {
            if (!inRange)
                continue;
            const auto low = static_cast<double>(u.seq);
            if (r.payloadLength() > 0) {
                const auto high = static_cast<double>(u.seq + r.payloadLength());
                BarDecimator& bars = isRetransmission(r.analysis()) ? pass.retransmissions
                                     : (r.analysis() & kOutOfOrder) ? pass.outOfOrder
                                                                    : pass.segments;
                bars.add(time, low, high);
                pass.data.add(low);
                pass.data.add(high);
            }
            markFlags(r.flags(), time, low, pass.marks);
            continue;
        }
        const std::int64_t ack = (r.flags() & kAck) ? u.ack : state.lastAck[r.side()];
        if (r.flags() & kAck) {
            const auto limit = static_cast<double>(ack + capture.scaledWindow(conn, r));
            pass.ackLine.add(time, static_cast<double>(ack));
            pass.windowLimit.add(time, limit);
            if (inRange) {
                pass.data.add(static_cast<double>(ack));
                pass.window.add(limit);
            }
        }
        if (!inRange)
            continue;
        if (r.analysis() & kZeroWindow)
            pass.marks.push_back({SeriesRole::ZeroWindow, time, static_cast<double>(ack)});
        markFlags(r.flags(), time, static_cast<double>(ack), pass.marks);
        if (readSack && (r.flags() & kAck))
            addSack(request, i, r, ack, time, pass);
    }

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
