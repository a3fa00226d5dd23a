#include "merge/merged_sides.h"

namespace tcpladder::ui {

int referencePoint(const MergedConnection& connection) {
    return connection.connection[0] >= 0 ? 0 : 1;
}

const Connection& referenceConnection(const MergedCapture& merged,
                                      const MergedConnection& connection) {
    const int point = referencePoint(connection);
    return merged.points[point]
        ->connections[static_cast<std::size_t>(connection.connection[point])];
}

Side mergedClientSide(const MergedCapture& merged, const MergedConnection& connection) {
    return referenceConnection(merged, connection).clientSide();
}

int senderPoint(const MergedCapture& merged, const MergedConnection& connection, Side sender) {
    // Seen at one point only: both ends of the arrow lie on that point.
    if (connection.clientPoint < 0)
        return referencePoint(connection);
    const bool fromClient = sender == mergedClientSide(merged, connection);
    return fromClient ? connection.clientPoint : otherPoint(connection.clientPoint);
}

const PacketRecord* recordAt(const MergedCapture& merged, const MergedConnection& connection,
                             const MergedPacket& packet, int point) {
    if (!packet.seenAt(point) || connection.connection[point] < 0)
        return nullptr;
    return &merged.points[point]->packets.at(
        static_cast<std::uint32_t>(connection.connection[point]),
        static_cast<std::size_t>(packet.index[point]));
}

} // namespace tcpladder::ui
