#include "merge/packet_fate.h"

#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"

#include <algorithm>

namespace tcpladder {
namespace {

// Sequence space a packet occupies; SYN and FIN take one number each.
std::uint32_t sequenceLength(const PointPacket& p) {
    return p.length + ((p.flags & kSyn) ? 1 : 0) + ((p.flags & kFin) ? 1 : 0);
}

// Bytes lost between the points and not yet seen to pass again.
class LostRanges {
public:
    void add(const PointPacket& p) {
        if (const std::uint32_t length = sequenceLength(p))
            m_ranges.push_back({p.seq, p.seq + length});
    }

    // True when `p` carries bytes of a lost range; such ranges count as repaired.
    bool repairs(const PointPacket& p) {
        const std::uint32_t length = sequenceLength(p);
        if (length == 0 || m_ranges.empty())
            return false;
        const std::uint32_t end = p.seq + length;
        const auto covered = [&](const Range& r) {
            return static_cast<std::int32_t>(p.seq - r.end) < 0 &&
                   static_cast<std::int32_t>(r.begin - end) < 0;
        };
        const auto before = m_ranges.size();
        m_ranges.erase(std::remove_if(m_ranges.begin(), m_ranges.end(), covered), m_ranges.end());
        return m_ranges.size() != before;
    }

private:
    struct Range {
        std::uint32_t begin;
        std::uint32_t end;
    };
    std::vector<Range> m_ranges;
};

} // namespace

void tellFates(const std::vector<PointPacket>& senderSide,
               const std::vector<PointPacket>& receiverSide, const DirectionPairs& pairs,
               int senderPoint, Side sender, const std::array<CaptureSpan, 2>& captured,
               std::vector<MergedPacket>& out) {
    const int receiverPoint = 1 - senderPoint;
    LostRanges lost;
    for (std::size_t i = 0; i < senderSide.size(); ++i) {
        const PointPacket& sent = senderSide[i];
        MergedPacket packet;
        packet.sender = sender;
        packet.index[senderPoint] = sent.index;
        packet.time[senderPoint] = sent.time;
        const std::int64_t partner = pairs.senderPartner[i];
        if (partner < 0 && !captured[receiverPoint].holds(sent.time)) {
            packet.fate = PacketFate::OnePointOnly;
        } else if (partner < 0) {
            packet.fate = PacketFate::LostBetween;
            lost.add(sent);
        } else {
            const PointPacket& received = receiverSide[static_cast<std::size_t>(partner)];
            packet.index[receiverPoint] = received.index;
            packet.time[receiverPoint] = received.time;
            packet.fate = lost.repairs(sent) ? PacketFate::ResentAfterLoss : PacketFate::SeenAtBoth;
            packet.oneSidedDisagrees = packet.fate == PacketFate::ResentAfterLoss &&
                                       !(received.analysis & kAnyRetransmission);
        }
        out.push_back(packet);
    }
    for (std::size_t i = 0; i < receiverSide.size(); ++i) {
        if (pairs.receiverPartner[i] >= 0)
            continue;
        MergedPacket packet;
        packet.sender = sender;
        packet.index[receiverPoint] = receiverSide[i].index;
        packet.time[receiverPoint] = receiverSide[i].time;
        packet.fate = captured[senderPoint].holds(receiverSide[i].time) ? PacketFate::OnlyAtReceiver
                                                                        : PacketFate::OnePointOnly;
        out.push_back(packet);
    }
}

} // namespace tcpladder
