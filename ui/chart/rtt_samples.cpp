#include "chart/rtt_samples.h"

#include "chart/decimation.h"
#include "chart/sequence_series.h"
#include "decode/tcp_segment.h"

#include <algorithm>
#include <deque>

namespace tcpladder::ui {
namespace {

struct Outstanding {
    std::int64_t seq;
    std::int64_t seqEnd;
    TimeNs sent;
    std::uint32_t index;
    bool ambiguous;
};

// Karn: every outstanding segment that shares bytes with a resent range can
// no longer say which copy an ACK answers.
void markAmbiguous(std::deque<Outstanding>& outstanding, std::int64_t seq, std::int64_t seqEnd) {
    auto it = std::upper_bound(outstanding.begin(), outstanding.end(), seq,
                               [](std::int64_t s, const Outstanding& o) { return s < o.seqEnd; });
    for (; it != outstanding.end() && it->seq < seqEnd; ++it)
        it->ambiguous = true;
}

} // namespace

std::vector<RttSample> computeRttSamples(const LoadedCapture& capture, std::uint32_t connection,
                                         Side sender) {
    std::vector<RttSample> samples;
    std::deque<Outstanding> outstanding; // by sequence number, as new data is sent in order
    SequenceState state;
    const TimeNs origin = capture.connections[connection].firstTime;
    const std::size_t count = capture.packets.packetCount(connection);
    for (std::size_t i = 0; i < count; ++i) {
        const PacketRecord& r = capture.packets.at(connection, i);
        const std::int64_t highestBefore = state.highestSeqEnd[r.side()];
        const SequenceState::Unwrapped u = state.advance(r);
        if (r.side() == sender) {
            if (u.seqEnd == u.seq)
                continue;
            const bool resent = isRetransmission(r.analysis()) || u.seq < highestBefore;
            if (resent)
                markAmbiguous(outstanding, u.seq, u.seqEnd);
            if (u.seqEnd > highestBefore)
                outstanding.push_back({std::max(u.seq, highestBefore), u.seqEnd, r.time(),
                                       static_cast<std::uint32_t>(i), resent});
            continue;
        }
        if (!(r.flags() & kAck))
            continue;
        const Outstanding* newest = nullptr;
        Outstanding popped{};
        while (!outstanding.empty() && outstanding.front().seqEnd <= u.ack) {
            popped = outstanding.front();
            newest = &popped;
            outstanding.pop_front();
        }
        if (newest && !newest->ambiguous)
            samples.push_back({r.time() - origin, r.time() - newest->sent,
                               static_cast<std::uint32_t>(i), newest->index});
    }
    return samples;
}

ChartContent buildRttChart(const ChartRequest& request) {
    ChartContent content;
    content.kind = ChartKind::Rtt;
    content.valueKind = ValueKind::Duration;
    const PixelColumns columns(request.begin, request.end, request.columns);
    content.begin = columns.begin();
    content.end = columns.end();
    static const std::vector<RttSample> kNone;
    const std::vector<RttSample>& samples = request.rttSamples ? *request.rttSamples : kNone;
    const auto byTime = [](const RttSample& s, TimeNs t) { return s.time < t; };
    const auto first = std::lower_bound(samples.begin(), samples.end(), columns.begin(), byTime);
    const auto last = std::lower_bound(first, samples.end(), columns.end(), byTime);

    ValueExtent extent;
    for (auto it = first; it != last; ++it)
        extent.add(static_cast<double>(it->rtt));
    extent.add(0);
    const auto [low, high] = extent.range(request, 0);
    content.valueMin = low;
    content.valueMax = high;

    MarkDecimator marks(columns, low, high, request.rows / 2);
    for (auto it = first; it != last; ++it)
        marks.add(it->time, static_cast<double>(it->rtt));
    content.series.push_back({SeriesRole::Rtt, {}, marks.finish()});
    if (samples.empty())
        content.note = "No RTT samples: no ACK covers a segment sent only once";
    return content;
}

} // namespace tcpladder::ui
