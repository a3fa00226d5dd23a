#include "tcp/sequence_analysis.h"

#include "tcp/seq_math.h"

#include <algorithm>

namespace tcpladder {

namespace {

// RFC 7323 caps the shift at 14; Wireshark uses 14 for anything larger.
constexpr int kMaxWindowShift = 14;
// A resent segment within this time of the dup-ACKs that asked for it is a
// fast retransmission.
constexpr std::uint64_t kFastRetransmitWindowNs = 20'000'000;
// Out-of-order threshold before the handshake RTT is known.
constexpr std::uint64_t kDefaultReorderWindowNs = 3'000'000;
// Wireshark stops listing unacknowledged segments beyond this many; a SYN or
// FIN sent after that no longer counts its phantom byte.
constexpr std::uint32_t kMaxUnackedSegments = 10'000;

constexpr std::uint8_t kSynFinRst = kSyn | kFin | kRst;

bool isPlainSyn(std::uint8_t flags) {
    return (flags & (kSyn | kAck)) == kSyn;
}

// Elapsed time as Wireshark computes it: unsigned, so a clock that went
// backwards yields a huge value and never counts as "recent".
std::uint64_t elapsed(TimeNs now, TimeNs since) {
    return static_cast<std::uint64_t>(now) - static_cast<std::uint64_t>(since);
}

} // namespace

bool SequenceAnalysis::startsNewConnection(Side sender, const TcpSegment& segment) const {
    const DirectionState& fwd = m_directions[sender];
    return isPlainSyn(segment.flags) && fwd.baseSeqSet && segment.seq != fwd.baseSeq;
}

SegmentAnalysis SequenceAnalysis::add(Side sender, const TcpSegment& segment, TimeNs time) {
    DirectionState& fwd = m_directions[sender];
    DirectionState& rev = m_directions[sender == kSideA ? kSideB : kSideA];
    const std::uint8_t flags = segment.flags;

    if (fwd.baseSeqSet && (flags & kSyn)) {
        if (isPlainSyn(flags)) {
            // A repeated SYN (same ISN, or it would have opened a new
            // connection) rewinds nextSeq to the contiguous data: a RST
            // before it may have carried a sequence number never sent.
            fwd.nextSeq = fwd.maxSeqToBeAcked;
        } else if (segment.seq != fwd.baseSeq) {
            // A SYN+ACK with a new ISN rebases that side (zeek rst-inject-rae).
            fwd.baseSeq = segment.seq;
        }
    }

    const std::uint16_t events = classify(fwd, rev, segment, time);
    advance(fwd, rev, segment, time, events);

    SegmentAnalysis result;
    result.events = events;
    result.relativeSeq = segment.seq - fwd.baseSeq;
    result.relativeAck = (flags & kAck) ? segment.ack - rev.baseSeq : 0;
    result.window = segment.window;
    if (!(flags & kSyn) && fwd.windowShift >= 0) {
        result.window = std::uint32_t{segment.window} << fwd.windowShift;
        result.windowShift = fwd.windowShift;
    }

    noteHandshake(fwd, rev, segment, time);
    return result;
}

std::uint16_t SequenceAnalysis::classify(DirectionState& fwd, DirectionState& rev,
                                         const TcpSegment& segment, TimeNs time) {
    const std::uint32_t seq = segment.seq;
    const std::uint32_t ack = segment.ack;
    const std::uint32_t len = segment.payloadLength;
    const std::uint32_t window = segment.window;
    const std::uint8_t flags = segment.flags;
    std::uint16_t events = 0;

    // Without a SYN, the first byte seen counts as 1.
    if (!fwd.baseSeqSet) {
        fwd.baseSeq = (flags & kSyn) ? seq : seq - 1;
        fwd.baseSeqSet = true;
    }
    if (!rev.baseSeqSet && (flags & kAck)) {
        rev.baseSeq = ack - 1;
        rev.baseSeqSet = true;
    }

    const bool sameAckAndSeq = seq == fwd.nextSeq && ack == fwd.lastAck && !(flags & kSynFinRst);
    if (len == 1 && seq == fwd.nextSeq && rev.window == 0) {
        events |= kEvZeroWindowProbe;
    } else {
        if (window == 0 && !(flags & kSynFinRst)) {
            events |= kEvZeroWindow;
        }
        if (fwd.nextSeq != 0 && seqGreater(seq, fwd.nextSeq) && !(flags & kRst)) {
            events |= kEvLostSegment;
        }
        if (len <= 1 && seq == fwd.nextSeq - 1 && !(flags & kSynFinRst)) {
            events |= kEvKeepAlive;
        }
        if (len == 0 && window != 0 && window != fwd.window && sameAckAndSeq) {
            events |= kEvWindowUpdate;
        }
        if (len > 0 && rev.windowShift != DirectionState::kShiftUnknown && !(flags & kSynFinRst)) {
            // The peer's SYN-time window is never scaled.
            const int shift = (rev.firstAckPending || rev.windowShift == DirectionState::kShiftNone)
                                  ? 0
                                  : rev.windowShift;
            if (seq + len == rev.lastAck + (rev.window << shift)) {
                events |= kEvWindowFull;
            }
        }
        if (len == 0 && window != 0 && window == fwd.window && sameAckAndSeq &&
            (rev.lastEvents & kEvKeepAlive)) {
            events |= kEvKeepAliveAck;
        } else if (len == 0 && window == 0 && window == fwd.window && sameAckAndSeq &&
                   (rev.lastEvents & kEvZeroWindowProbe)) {
            events |= kEvZeroWindowProbeAck;
        } else if (len == 0 && window != 0 && window == fwd.window && sameAckAndSeq) {
            fwd.dupAcks = (fwd.dupAcks < 0) ? 1 : fwd.dupAcks + 1;
            events |= kEvDupAck;
        }
    }

    if (ack != fwd.lastAck) {
        fwd.dupAcks = 0;
    }

    // The peer's data was acknowledged beyond what we saw it send.
    if (rev.maxSeqToBeAcked != 0 && seqGreater(ack, rev.maxSeqToBeAcked) && (flags & kAck)) {
        if (seqLess(rev.maxSeqToBeAcked, rev.nextSeq)) {
            rev.maxSeqToBeAcked = rev.nextSeq;
            events |= kEvAckLostSegment;
        } else {
            // The gap is still open: report it once, not on every ACK of a
            // stalled peer. -1 marks "reported" (and, read unsigned, it also
            // satisfies the fast-retransmission dup-ACK test, as in 4.0).
            if (rev.dupAcks == 0) {
                events |= kEvAckLostSegment;
            }
            rev.dupAcks = -1;
        }
    }

    if (len > 0 || (flags & (kSyn | kFin))) {
        events = classifyResent(fwd, rev, segment, time, events);
    }
    return events;
}

std::uint16_t SequenceAnalysis::classifyResent(const DirectionState& fwd, const DirectionState& rev,
                                               const TcpSegment& segment, TimeNs time,
                                               std::uint16_t events) const {
    const std::uint32_t seq = segment.seq;
    const std::uint32_t len = segment.payloadLength;
    const std::uint8_t flags = segment.flags;
    if (events & kEvKeepAlive) {
        return events;
    }
    bool notAdvanced = fwd.nextSeq != 0 && seqLess(seq, fwd.nextSeq);
    // Overlapping the last byte but adding new data is how a sender follows a
    // zero-window probe; that is not a resend.
    if (len > 1 && fwd.nextSeq - 1 == seq) {
        notAdvanced = false;
    }
    // Data the peer has already acknowledged.
    if (len > 0 && rev.lastAck != 0 && seqLessEqual(seq + len, rev.lastAck)) {
        return events | kEvSpuriousRetransmission;
    }
    if (!notAdvanced) {
        return events;
    }
    // Two or more dup-ACKs asking for exactly this segment, recently. The
    // count is compared unsigned: the "gap reported" mark (-1) passes too.
    if (static_cast<std::uint32_t>(rev.dupAcks) >= 2 && rev.lastAck == seq &&
        elapsed(time, rev.lastAckTime) < kFastRetransmitWindowNs) {
        return events | kEvFastRetransmission;
    }
    // Sent shortly after the highest segment and not ending where it ended.
    const std::uint64_t reorderWindow =
        m_firstRtt != 0 ? static_cast<std::uint64_t>(m_firstRtt) : kDefaultReorderWindowNs;
    const std::uint32_t phantom = (flags & (kSyn | kFin)) ? 1 : 0;
    if (elapsed(time, fwd.nextSeqTime) < reorderWindow && fwd.nextSeq != seq + len + phantom) {
        return events | kEvOutOfOrder;
    }
    return events | kEvRetransmission;
}

void SequenceAnalysis::advance(DirectionState& fwd, DirectionState& rev, const TcpSegment& segment,
                               TimeNs time, std::uint16_t events) {
    const std::uint32_t seq = segment.seq;
    const std::uint32_t ack = segment.ack;
    const std::uint8_t flags = segment.flags;
    std::uint32_t nextSeq = seq + segment.payloadLength;
    if (segment.payloadLength > 0 || (flags & (kSyn | kFin))) {
        if (fwd.unackedSegments < kMaxUnackedSegments) {
            ++fwd.unackedSegments;
            if (flags & (kSyn | kFin)) {
                ++nextSeq;
            }
        }
    }
    const bool probe = events & kEvZeroWindowProbe;
    if ((seqGreater(nextSeq, fwd.nextSeq) || fwd.nextSeq == 0) && !probe) {
        fwd.nextSeq = nextSeq;
        fwd.nextSeqTime = time;
    }
    if ((seq == fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked == 0) && !probe) {
        fwd.maxSeqToBeAcked = fwd.nextSeq;
    }
    fwd.window = segment.window;
    fwd.lastAck = ack;
    fwd.lastAckTime = time;
    fwd.lastEvents = events;
    // Wireshark drops the peer's listed segments this ACK covers; once all
    // are covered its count of unacknowledged segments is back to zero.
    if (seqLessEqual(rev.nextSeq, ack)) {
        rev.unackedSegments = 0;
    }
}

void SequenceAnalysis::noteHandshake(DirectionState& fwd, DirectionState& rev,
                                     const TcpSegment& segment, TimeNs time) {
    const std::uint8_t flags = segment.flags;
    if (flags & kSyn) {
        if (!(flags & kAck)) {
            m_lastSynTime = time;
        }
        fwd.firstAckPending = true;
    }
    if ((flags & (kSyn | kAck)) == kAck) {
        if (m_lastSynTime != 0 && m_firstRtt == 0) {
            m_firstRtt = time - m_lastSynTime;
        }
        fwd.firstAckPending = false;
    }
    if (segment.options.windowScale >= 0) {
        fwd.windowShift =
            static_cast<std::int8_t>(std::min<int>(segment.options.windowScale, kMaxWindowShift));
    }
    if (flags & kSyn) {
        // Scaling is in force only when both SYNs carried the option.
        if (fwd.windowShift == DirectionState::kShiftUnknown) {
            fwd.windowShift = DirectionState::kShiftNone;
            rev.windowShift = DirectionState::kShiftNone;
        } else if ((flags & kAck) && rev.windowShift == DirectionState::kShiftNone) {
            fwd.windowShift = DirectionState::kShiftNone;
        }
    }
}

} // namespace tcpladder
