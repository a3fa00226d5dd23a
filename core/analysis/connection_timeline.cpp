#include "analysis/connection_timeline.h"

#include "decode/tcp_segment.h"
#include "tcp/connection.h"
#include "tcp/seq_math.h"

#include <algorithm>
#include <array>

namespace tcpladder {
namespace {

constexpr std::size_t kGapSample = 4096;

// Sequence space per side: the next byte expected and the highest byte the
// other side acknowledged, to tell a stall (data in flight) from idleness.
struct Flight {
    std::uint32_t next = 0;
    std::uint32_t acked = 0;
    bool sent = false;
    bool ackSeen = false;

    std::uint32_t outstanding() const {
        if (!sent || !ackSeen)
            return 0;
        const std::int32_t ahead = seqDistance(next, acked);
        return ahead > 0 ? static_cast<std::uint32_t>(ahead) : 0;
    }
};

void track(Flight& own, Flight& other, const PacketRecord& packet) {
    const std::uint8_t flags = packet.flags();
    const std::uint32_t end = packet.relativeSeq() + packet.payloadLength() +
                              ((flags & kSyn) ? 1 : 0) + ((flags & kFin) ? 1 : 0);
    if (!own.sent || seqGreater(end, own.next))
        own.next = end;
    own.sent = true;
    if ((flags & kAck) && !(flags & kRst)) {
        if (!other.ackSeen || seqGreater(packet.relativeAck(), other.acked))
            other.acked = packet.relativeAck();
        other.ackSeen = true;
    }
}

// Records a silence long enough to matter: a stall when data waited for its
// ACK through it, a break in the axis when it was long.
void noteSilence(ConnectionTimeline& timeline, const TimelineThresholds& thresholds,
                 const std::array<Flight, 2>& flight, Side client, Silence silence,
                 TimeNs& removed) {
    const Flight& a = flight[kSideA];
    const Flight& b = flight[kSideB];
    const bool aWaits = a.outstanding() >= b.outstanding();
    silence.outstanding = aWaits ? a.outstanding() : b.outstanding();
    silence.outstandingFromClient = (aWaits ? kSideA : kSideB) == client;
    silence.removedBefore = removed;
    if (silence.length() >= thresholds.stall && silence.outstanding > 0)
        timeline.stalls.push_back(silence);
    if (silence.length() >= thresholds.idleBreak) {
        timeline.breaks.push_back(silence);
        removed += silence.length();
    }
}

} // namespace

ConnectionTimeline buildConnectionTimeline(const LoadedCapture& capture, std::uint32_t connection,
                                           const TimelineThresholds& thresholds,
                                           ConnectionSummary* summary) {
    ConnectionTimeline timeline;
    const PacketStore& store = capture.packets;
    timeline.packetCount = store.packetCount(connection);
    timeline.timeIndex = PacketTimeIndex::startEmpty(store, connection);
    const Connection& info = capture.connections[connection];
    const Side client = info.clientSide();
    ConnectionSummarizer summarizer(client);
    if (timeline.packetCount == 0) {
        if (summary)
            *summary = summarizer.finish();
        return timeline;
    }
    const TimeNs origin = store.at(connection, 0).time();
    // Only silences this long become a stall or a break.
    const TimeNs notable = std::min(thresholds.stall, thresholds.idleBreak);
    std::vector<TimeNs> gaps;
    std::array<Flight, 2> flight;
    TimeNs latest = 0;
    TimeNs removed = 0;
    std::size_t i = 0;
    const auto visit = [&](const PacketRecord& packet) {
        const TimeNs time = packet.time() - origin;
        const TimeNs gap = time - latest;
        if (i > 0 && gap > 0) {
            if (gaps.size() < kGapSample)
                gaps.push_back(gap);
            if (gap >= notable)
                noteSilence(timeline, thresholds, flight, client, {i, latest, time}, removed);
        }
        latest = std::max(latest, time);
        timeline.timeIndex.add(packet);
        const Side side = packet.side();
        track(flight[side], flight[side == kSideA ? kSideB : kSideA], packet);
        if (summary)
            summarizer.add(packet);
        ++i;
    };
    store.forEachChunk(connection, [&](const PacketRecord* packets, std::size_t count) {
        for (std::size_t k = 0; k < count; ++k)
            visit(packets[k]);
    });
    timeline.duration = latest;
    if (!gaps.empty()) {
        const auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
        std::nth_element(gaps.begin(), middle, gaps.end());
        timeline.typicalGap = *middle;
    }
    if (summary)
        *summary = summarizer.finish();
    return timeline;
}

std::vector<Silence> findStalls(const LoadedCapture& capture, std::uint32_t connection,
                                const TimelineThresholds& thresholds) {
    return buildConnectionTimeline(capture, connection, thresholds).stalls;
}

} // namespace tcpladder
