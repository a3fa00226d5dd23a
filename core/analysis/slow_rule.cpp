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

TimeNs SlowRule::requestThreshold(const ConnectionFacts& facts, const HttpExchange& request) const {
    if (fixedThreshold)
        return *fixedThreshold;
    for (std::size_t i = 0; i < facts.requestCandidates.size(); ++i)
        if (&facts.requestCandidates[i] == &request && i < facts.requestPeerMedians.size())
            return relativeThreshold(facts.requestPeerMedians[i]);
    return kFloor; // no peers: the floor alone
}

const HttpExchange* SlowRule::firstSlowRequest(const ConnectionFacts& facts) const {
    // The candidates' waits rise, and a relative threshold does not rise
    // with the wait judged, so the first above it is the first slow request.
    for (const HttpExchange& request : facts.requestCandidates)
        if (request.wait > requestThreshold(facts, request))
            return &request;
    return nullptr;
}

} // namespace tcpladder
