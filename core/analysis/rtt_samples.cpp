#include "analysis/rtt_samples.h"

#include "analysis/sequence_state.h"
#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"

#include <algorithm>
#include <deque>

namespace tcpladder {
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
            const bool resent = (r.analysis() & kAnyRetransmission) != 0 || u.seq < highestBefore;
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

} // namespace tcpladder
