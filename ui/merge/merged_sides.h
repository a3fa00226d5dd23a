#pragma once

#include "merge/merged_capture.h"

namespace tcpladder::ui {

// The merged connection's sides are those of the first point that saw it;
// these read the capture-side facts the views need through that point.
int referencePoint(const MergedConnection& connection);
const Connection& referenceConnection(const MergedCapture& merged,
                                      const MergedConnection& connection);
Side mergedClientSide(const MergedCapture& merged, const MergedConnection& connection);
// The point a packet from `sender` passes first, and the one it reaches next.
int senderPoint(const MergedCapture& merged, const MergedConnection& connection, Side sender);
inline int otherPoint(int point) {
    return 1 - point;
}
// The packet's own record at `point`; null when that point did not see it.
const PacketRecord* recordAt(const MergedCapture& merged, const MergedConnection& connection,
                             const MergedPacket& packet, int point);

} // namespace tcpladder::ui
