#include "tcp/connection.h"

namespace tcpladder {

namespace {

Side otherSide(Side side) {
    return side == kSideA ? kSideB : kSideA;
}

// ORACLE.md's port rule for a capture that starts mid-connection: the server
// is the side on a well-known port (below 1024), else the side that is not on
// an ephemeral port (32768 and up); when the ports say nothing, side A (the
// first sender) is the client.
Side clientByPorts(std::uint16_t portA, std::uint16_t portB) {
    for (const std::uint32_t limit : {1024u, 32768u}) {
        const bool aBelow = portA < limit;
        const bool bBelow = portB < limit;
        if (aBelow != bBelow) {
            return aBelow ? kSideB : kSideA;
        }
    }
    return kSideA;
}

} // namespace

Side Connection::clientSide() const {
    if (firstSynSender >= 0) {
        return static_cast<Side>(firstSynSender);
    }
    if (firstSynAckSender >= 0) {
        return otherSide(static_cast<Side>(firstSynAckSender));
    }
    return clientByPorts(endpoints[kSideA].port, endpoints[kSideB].port);
}

} // namespace tcpladder
