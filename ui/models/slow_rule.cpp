#include "models/slow_rule.h"

#include "format/units.h"

namespace tcpladder::ui {

QString slowRuleDescription(const SlowRule& rule) {
    if (rule.fixedThreshold)
        return QStringLiteral("Slow: handshake RTT, time to first server byte or an HTTP "
                              "request's wait for its response above %1.")
            .arg(formatDuration(*rule.fixedThreshold));
    return QStringLiteral("Slow: handshake RTT or time to first server byte above %1× the median "
                          "of the other connections to the same server, or an HTTP request's "
                          "wait for its response above %1× the median of the other requests to "
                          "that server; above %2 in any case. Without another connection (or "
                          "request) to that server, all others are the reference.")
        .arg(SlowRule::kPeerFactor)
        .arg(formatDuration(SlowRule::kFloor));
}

} // namespace tcpladder::ui
