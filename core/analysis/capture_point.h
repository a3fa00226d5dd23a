#pragma once

#include "common/time_ns.h"

#include <optional>

namespace tcpladder {

// Where on the path between client and server the capture was taken,
// inferred from the handshake as seen at the capture point: the SYN to
// SYN+ACK gap is the round trip from the capture point to the server and back,
// the SYN+ACK to ACK gap the round trip to the client and back (peers assumed
// to answer the handshake at once).
struct CapturePointEstimate {
    enum class Position { Unknown, NearClient, Middle, NearServer };

    Position position = Position::Unknown;
    // 0 at the client lane, 1 at the server lane.
    double fraction = 0.5;
    TimeNs clientDelay = 0; // one way, client to capture point
    TimeNs serverDelay = 0; // one way, capture point to server

    bool known() const { return position != Position::Unknown; }
    // One-way delay from the sender (client or server) to the capture point,
    // and from the capture point to the receiver.
    TimeNs delayFromSender(bool fromClient) const { return fromClient ? clientDelay : serverDelay; }
    TimeNs delayToReceiver(bool fromClient) const { return fromClient ? serverDelay : clientDelay; }
};

// Within this share of the path from one end the capture point counts as
// "near" that end.
constexpr double kNearShare = 0.25;

CapturePointEstimate estimateCapturePoint(std::optional<TimeNs> synToSynAck,
                                          std::optional<TimeNs> synAckToAck);

} // namespace tcpladder
