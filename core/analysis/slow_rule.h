#pragma once

#include "analysis/connection_facts.h"
#include "common/time_ns.h"

#include <optional>

namespace tcpladder {

// When a connection counts as slow: its handshake RTT or its time to first
// server byte is above a threshold. By default the threshold is relative to
// the other connections to the same server, because 80 ms is normal for a
// server across an ocean and alarming for one in the same rack.
struct SlowRule {
    static constexpr int kPeerFactor = 3;
    static constexpr TimeNs kFloor = 100'000'000; // 100 ms

    // Set: one threshold for every connection instead of the relative rule.
    std::optional<TimeNs> fixedThreshold;

    TimeNs rttThreshold(const ConnectionFacts& facts) const;
    TimeNs ttfbThreshold(const ConnectionFacts& facts) const;
    bool rttSlow(const ConnectionFacts& facts) const;
    bool ttfbSlow(const ConnectionFacts& facts) const;
    // The connection's first HTTP request whose wait for its response is
    // above the threshold (relative: to the other requests to the server).
    const HttpExchange* firstSlowRequest(const ConnectionFacts& facts) const;
    TimeNs requestThreshold(const ConnectionFacts& facts, const HttpExchange& request) const;
    bool isSlow(const ConnectionFacts& facts) const {
        return rttSlow(facts) || ttfbSlow(facts) || firstSlowRequest(facts);
    }

    friend bool operator==(const SlowRule&, const SlowRule&) = default;
};

} // namespace tcpladder
