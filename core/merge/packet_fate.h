#pragma once

#include "merge/merged_capture.h"
#include "merge/packet_matcher.h"

#include <vector>

namespace tcpladder {

// What became of each packet one side sent, from the pairing of the copies
// seen at its sender-side point with those at its receiver-side point (both
// lists on point 0's clock). Appends one MergedPacket per packet seen at
// either point; a packet seen at both that covers bytes an earlier one lost
// between the points is a resend after loss. Where the receiver-side point's
// one-sided analysis did not call such a resend a retransmission (Wireshark
// says "out-of-order" when it follows the gap closely), the packet is marked
// as a disagreement. A packet one point saw while the other point's capture
// was not running has no fate (OnePointOnly).
struct CaptureSpan {
    TimeNs first = 0; // on point 0's clock
    TimeNs last = 0;

    bool holds(TimeNs time) const { return time >= first && time <= last; }
};
void tellFates(const std::vector<PointPacket>& senderSide,
               const std::vector<PointPacket>& receiverSide, const DirectionPairs& pairs,
               int senderPoint, Side sender, const std::array<CaptureSpan, 2>& captured,
               std::vector<MergedPacket>& out);

} // namespace tcpladder
