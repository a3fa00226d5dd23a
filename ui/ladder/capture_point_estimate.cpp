#include "ladder/capture_point_estimate.h"

#include "format/units.h"

namespace tcpladder::ui {

QString explainCapturePoint(const CapturePointEstimate& estimate, std::optional<TimeNs> synToSynAck,
                            std::optional<TimeNs> synAckToAck) {
    if (!estimate.known())
        return QStringLiteral("Capture point unknown: the handshake (SYN, SYN+ACK, ACK) was not "
                              "fully captured, so arrows are drawn flat at capture time.");
    QString where;
    switch (estimate.position) {
    case CapturePointEstimate::Position::NearClient:
        where = QStringLiteral("near the client");
        break;
    case CapturePointEstimate::Position::NearServer:
        where = QStringLiteral("near the server");
        break;
    default:
        where = QStringLiteral("between client and server");
        break;
    }
    return QStringLiteral(
               "Capture point: %1 (%2% of the way to the server).\n"
               "SYN → SYN+ACK took %3: the round trip from here to the server and back.\n"
               "SYN+ACK → ACK took %4: the round trip from here to the client and back.\n"
               "So a packet needs about %5 between client and capture point and %6 between "
               "capture point and server; each arrow leaves its sender and reaches the other "
               "side at those estimated times. Assumes both peers answer the handshake at once.")
        .arg(where)
        .arg(qRound(estimate.fraction * 100))
        .arg(formatDuration(*synToSynAck), formatDuration(*synAckToAck),
             formatDuration(estimate.clientDelay), formatDuration(estimate.serverDelay));
}

} // namespace tcpladder::ui
