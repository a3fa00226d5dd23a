#include "analysis/capture_point.h"

namespace tcpladder {

CapturePointEstimate estimateCapturePoint(std::optional<TimeNs> synToSynAck,
                                          std::optional<TimeNs> synAckToAck) {
    CapturePointEstimate estimate;
    if (!synToSynAck || !synAckToAck || *synToSynAck < 0 || *synAckToAck < 0)
        return estimate;
    estimate.serverDelay = *synToSynAck / 2;
    estimate.clientDelay = *synAckToAck / 2;
    const TimeNs path = estimate.clientDelay + estimate.serverDelay;
    // Both gaps zero (a loopback capture): the point is anywhere, draw it midway.
    estimate.fraction = path > 0 ? static_cast<double>(estimate.clientDelay) / path : 0.5;
    if (estimate.fraction < kNearShare)
        estimate.position = CapturePointEstimate::Position::NearClient;
    else if (estimate.fraction > 1 - kNearShare)
        estimate.position = CapturePointEstimate::Position::NearServer;
    else
        estimate.position = CapturePointEstimate::Position::Middle;
    return estimate;
}

} // namespace tcpladder
