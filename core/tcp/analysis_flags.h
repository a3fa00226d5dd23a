#pragma once

#include <cstdint>

namespace tcpladder {

// Analysis marks, one bit each (ORACLE.md's words).
enum AnalysisFlag : std::uint16_t {
    kAckLostSegment = 1 << 0,
    kDupAck = 1 << 1,
    kFastRetransmission = 1 << 2,
    kKeepAlive = 1 << 3,
    kLostSegment = 1 << 4,
    kOutOfOrder = 1 << 5,
    kRetransmission = 1 << 6,
    kSpuriousRetransmission = 1 << 7,
    kWindowFull = 1 << 8,
    kWindowUpdate = 1 << 9,
    kZeroWindow = 1 << 10,
};
constexpr int kAnalysisFlagCount = 11;
// Any kind of retransmission (the tracker also sets kRetransmission for the
// other two, as Wireshark does; a hand-made record may not).
constexpr std::uint16_t kAnyRetransmission =
    kRetransmission | kFastRetransmission | kSpuriousRetransmission;

} // namespace tcpladder
