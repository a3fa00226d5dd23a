#include "analysis/slow_rule.h"

#include <algorithm>

namespace tcpladder {
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

} // namespace tcpladder
