#pragma once

#include "merge/merged_capture.h"
#include "store/packet_record.h"

#include <cstdint>
#include <optional>

namespace tcpladder {

// What the CLI and the GUI both read off a merged capture, so that they
// name things alike.

// "4-tuple+ISN", "ISN only", "unmatched".
const char* matchMethodName(MatchMethod method);
// "both", "lost-between", "only-at-receiver", "resent-after-loss", "one-point".
const char* packetFateName(PacketFate fate);

// The connection whose sides the merged one uses (point 0's, else point 1's).
const Connection& firstSeenConnection(const MergedCapture& merged, const MergedConnection& c);
// The point nearer the sender of packets from `side`; -1 when seen at one point only.
int senderPoint(const MergedCapture& merged, const MergedConnection& c, Side side);

// The packet's record at `point`, which must have seen it.
const PacketRecord& recordAt(const MergedCapture& merged, const MergedConnection& c,
                             const MergedPacket& packet, int point);
// Its sequence and acknowledgement numbers relative to the first-seen
// point's bases, whichever point's record holds them.
std::uint32_t mergedRelativeSeq(const MergedCapture& merged, const MergedConnection& c,
                                const MergedPacket& packet);
std::uint32_t mergedRelativeAck(const MergedCapture& merged, const MergedConnection& c,
                                const MergedPacket& packet);
// The one-sided analysis at the point nearer the receiver, when it saw the
// packet; else at the point that did.
std::uint16_t receiverSideAnalysis(const MergedCapture& merged, const MergedConnection& c,
                                   const MergedPacket& packet);
// How long the packet took from its sender-side point to the other one;
// nothing unless both points saw it.
std::optional<TimeNs> oneWayDelay(const MergedCapture& merged, const MergedConnection& c,
                                  const MergedPacket& packet);

} // namespace tcpladder
