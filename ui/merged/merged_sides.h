#pragma once

#include "merge/merged_capture.h"
#include "merge/merged_view.h"

namespace tcpladder::ui {

// What the two-point views ask of a merged connection beyond the core's
// merge/merged_view.h (which the CLI shares): where to draw what.

// The point whose capture gives the merged connection its sides.
inline int firstSeenPoint(const MergedConnection& connection) {
    return connection.connection[0] >= 0 ? 0 : 1;
}
inline Side mergedClientSide(const MergedCapture& merged, const MergedConnection& connection) {
    return firstSeenConnection(merged, connection).clientSide();
}
// The point a packet from `sender` passes first; seen at one point only:
// that point, where both ends of its arrow lie.
inline int drawnSenderPoint(const MergedCapture& merged, const MergedConnection& connection,
                            Side sender) {
    const int point = senderPoint(merged, connection, sender);
    return point >= 0 ? point : firstSeenPoint(connection);
}
inline int otherPoint(int point) {
    return 1 - point;
}
// The packet's record at `point`, or null when that point did not see it.
inline const PacketRecord* recordIfSeen(const MergedCapture& merged,
                                        const MergedConnection& connection,
                                        const MergedPacket& packet, int point) {
    return packet.seenAt(point) && connection.connection[point] >= 0
               ? &recordAt(merged, connection, packet, point)
               : nullptr;
}

} // namespace tcpladder::ui
