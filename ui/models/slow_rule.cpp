#include "models/slow_rule.h"

#include "format/units.h"

#include <algorithm>

namespace tcpladder::ui {
namespace {

TimeNs relativeThreshold(const std::optional<TimeNs>& peerMedian) {
    return std::max(SlowRule::kFloor, peerMedian ? SlowRule::kPeerFactor * *peerMedian : 0);
}

} // namespace

TimeNs SlowRule::rttThreshold(const ConnectionFacts& facts) const {
    return fixedThreshold ? *fixedThreshold : relativeThreshold(facts.peerMedianRtt);
}

TimeNs SlowRule::ttfbThreshold(const ConnectionFacts& facts) const {
    return fixedThreshold ? *fixedThreshold : relativeThreshold(facts.peerMedianTtfb);
}

bool SlowRule::rttSlow(const ConnectionFacts& facts) const {
    const auto rtt = facts.summary.handshakeRtt();
    return rtt && *rtt > rttThreshold(facts);
}

bool SlowRule::ttfbSlow(const ConnectionFacts& facts) const {
    const auto& ttfb = facts.summary.timeToFirstServerByte;
    return ttfb && *ttfb > ttfbThreshold(facts);
}

QString SlowRule::description() const {
    if (fixedThreshold)
        return QStringLiteral("Slow: handshake RTT or time to first server byte above %1.")
            .arg(formatDuration(*fixedThreshold));
    return QStringLiteral("Slow: handshake RTT or time to first server byte above %1× the median "
                          "of the other connections to the same server, and above %2 in any "
                          "case. Without another connection to that server, all other connections "
                          "are the reference.")
        .arg(kPeerFactor)
        .arg(formatDuration(kFloor));
}

} // namespace tcpladder::ui
