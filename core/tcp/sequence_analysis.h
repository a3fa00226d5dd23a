#pragma once

#include "common/time_ns.h"
#include "decode/tcp_segment.h"
#include "tcp/connection.h"

#include <array>
#include <cstdint>

namespace tcpladder {

// Everything Wireshark's sequence analysis concludes about a segment, also
// the conditions the oracle does not print (they steer later decisions).
enum SeqEvent : std::uint16_t {
    kEvRetransmission = 1 << 0,
    kEvLostSegment = 1 << 1,
    kEvAckLostSegment = 1 << 2,
    kEvKeepAlive = 1 << 3,
    kEvDupAck = 1 << 4,
    kEvZeroWindow = 1 << 5,
    kEvZeroWindowProbe = 1 << 6,
    kEvZeroWindowProbeAck = 1 << 7,
    kEvKeepAliveAck = 1 << 8,
    kEvOutOfOrder = 1 << 9,
    kEvFastRetransmission = 1 << 10,
    kEvWindowUpdate = 1 << 11,
    kEvWindowFull = 1 << 12,
    kEvSpuriousRetransmission = 1 << 13,
};

struct SegmentAnalysis {
    std::uint32_t relativeSeq = 0;
    std::uint32_t relativeAck = 0; // 0 when ACK is clear
    std::uint32_t window = 0;
    std::int8_t windowShift = -1; // the shift applied to `window`; -1 when raw
    std::uint16_t events = 0;     // SeqEvent bits
};

// What one sender has shown so far; the fields Wireshark keeps per flow that
// influence its verdicts, and nothing that grows.
struct DirectionState {
    // Window shift: >= 0 known, kShiftUnknown before any evidence, kShiftNone
    // once the handshake showed that scaling is off.
    static constexpr std::int8_t kShiftUnknown = -1;
    static constexpr std::int8_t kShiftNone = -2;

    std::uint32_t baseSeq = 0;
    std::uint32_t nextSeq = 0; // one past the highest byte sent; 0 means none yet
    std::uint32_t maxSeqToBeAcked = 0;
    std::uint32_t lastAck = 0;
    std::uint32_t window = 0xFFFFFFFF; // raw field of the last segment; all ones before one
    std::uint32_t unackedSegments = 0;
    TimeNs nextSeqTime = 0;
    TimeNs lastAckTime = 0;
    std::int32_t dupAcks = 0;
    std::uint16_t lastEvents = 0;
    std::int8_t windowShift = kShiftUnknown;
    bool baseSeqSet = false;
    bool firstAckPending = false; // a SYN was sent and no plain ACK since
};

// Wireshark 4.0's TCP sequence analysis for one connection, in constant
// space: relative numbers, scaled window and the tcp.analysis verdicts.
class SequenceAnalysis {
public:
    // A SYN without ACK whose sequence number differs from the base Wireshark
    // holds for that sender opens a new connection on the same 4-tuple.
    bool startsNewConnection(Side sender, const TcpSegment& segment) const;

    SegmentAnalysis add(Side sender, const TcpSegment& segment, TimeNs time);

    const DirectionState& direction(Side side) const { return m_directions[side]; }

private:
    std::uint16_t classify(DirectionState& fwd, DirectionState& rev, const TcpSegment& segment,
                           TimeNs time);
    std::uint16_t classifyResent(const DirectionState& fwd, const DirectionState& rev,
                                 const TcpSegment& segment, TimeNs time,
                                 std::uint16_t events) const;
    void advance(DirectionState& fwd, DirectionState& rev, const TcpSegment& segment, TimeNs time,
                 std::uint16_t events);
    void noteHandshake(DirectionState& fwd, DirectionState& rev, const TcpSegment& segment,
                       TimeNs time);

    std::array<DirectionState, 2> m_directions;
    TimeNs m_lastSynTime = 0; // 0: no SYN yet (Wireshark's "zero time" test)
    TimeNs m_firstRtt = 0;    // SYN to first plain ACK; 0: not measured
};

} // namespace tcpladder
