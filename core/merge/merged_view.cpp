#include "merge/merged_view.h"

#include "decode/tcp_segment.h"

namespace tcpladder {
namespace {

int firstPoint(const MergedConnection& c) {
    return c.connection[0] >= 0 ? 0 : 1;
}

const Connection& connectionAt(const MergedCapture& merged, const MergedConnection& c, int point) {
    return merged.points[point]->connections[static_cast<std::size_t>(c.connection[point])];
}

// The side at `point` of merged side `side`.
Side sideAt(const MergedCapture& merged, const MergedConnection& c, Side side, int point) {
    if (point == firstPoint(c))
        return side;
    const Connection& first = firstSeenConnection(merged, c);
    const Connection& here = connectionAt(merged, c, point);
    const Endpoint& sender = first.endpoints[side];
    if (here.endpoints[kSideA] == sender)
        return kSideA;
    if (here.endpoints[kSideB] == sender)
        return kSideB;
    // Rewritten addresses: the client is the client at both points.
    return (side == first.clientSide()) ? here.clientSide() : here.serverSide();
}

Side otherSide(Side side) {
    return side == kSideA ? kSideB : kSideA;
}

} // namespace

const char* matchMethodName(MatchMethod method) {
    switch (method) {
    case MatchMethod::FourTupleAndIsn:
        return "4-tuple+ISN";
    case MatchMethod::IsnOnly:
        return "ISN only";
    case MatchMethod::Unmatched:
        break;
    }
    return "unmatched";
}

const char* packetFateName(PacketFate fate) {
    switch (fate) {
    case PacketFate::SeenAtBoth:
        return "both";
    case PacketFate::LostBetween:
        return "lost-between";
    case PacketFate::OnlyAtReceiver:
        return "only-at-receiver";
    case PacketFate::ResentAfterLoss:
        return "resent-after-loss";
    case PacketFate::OnePointOnly:
        break;
    }
    return "one-point";
}

const Connection& firstSeenConnection(const MergedCapture& merged, const MergedConnection& c) {
    return connectionAt(merged, c, firstPoint(c));
}

int senderPoint(const MergedCapture& merged, const MergedConnection& c, Side side) {
    if (c.clientPoint < 0)
        return -1;
    return side == firstSeenConnection(merged, c).clientSide() ? c.clientPoint : 1 - c.clientPoint;
}

const PacketRecord& recordAt(const MergedCapture& merged, const MergedConnection& c,
                             const MergedPacket& packet, int point) {
    return merged.points[point]->packets.at(static_cast<std::uint32_t>(c.connection[point]),
                                            static_cast<std::size_t>(packet.index[point]));
}

std::uint32_t mergedRelativeSeq(const MergedCapture& merged, const MergedConnection& c,
                                const MergedPacket& packet) {
    const int point = packet.seenAt(firstPoint(c)) ? firstPoint(c) : 1 - firstPoint(c);
    const std::uint32_t relative = recordAt(merged, c, packet, point).relativeSeq();
    const Side here = sideAt(merged, c, packet.sender, point);
    return relative + connectionAt(merged, c, point).baseSeq[here] -
           firstSeenConnection(merged, c).baseSeq[packet.sender];
}

std::uint32_t mergedRelativeAck(const MergedCapture& merged, const MergedConnection& c,
                                const MergedPacket& packet) {
    const int point = packet.seenAt(firstPoint(c)) ? firstPoint(c) : 1 - firstPoint(c);
    const PacketRecord& record = recordAt(merged, c, packet, point);
    if (!(record.flags() & kAck))
        return 0;
    const Side peer = otherSide(sideAt(merged, c, packet.sender, point));
    return record.relativeAck() + connectionAt(merged, c, point).baseSeq[peer] -
           firstSeenConnection(merged, c).baseSeq[otherSide(packet.sender)];
}

std::uint16_t receiverSideAnalysis(const MergedCapture& merged, const MergedConnection& c,
                                   const MergedPacket& packet) {
    const int from = senderPoint(merged, c, packet.sender);
    const int point = from >= 0 && packet.seenAt(1 - from) ? 1 - from : packet.seenAt(0) ? 0 : 1;
    return recordAt(merged, c, packet, point).analysis();
}

std::optional<TimeNs> oneWayDelay(const MergedCapture& merged, const MergedConnection& c,
                                  const MergedPacket& packet) {
    const int from = senderPoint(merged, c, packet.sender);
    if (from < 0 || !packet.seenAt(0) || !packet.seenAt(1))
        return std::nullopt;
    return packet.time[1 - from] - packet.time[from];
}

} // namespace tcpladder
