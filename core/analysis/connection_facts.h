#pragma once

#include "analysis/connection_summary.h"
#include "load/loaded_capture.h"
#include "messages/application_summary.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace tcpladder {

// What the connection table and the report show and filter on, worked out
// once per capture (in the GUI on the loading thread, so that data() and
// filterAcceptsRow() only look up).
struct ConnectionFacts {
    ConnectionSummary summary;
    // Medians over the *other* connections to the same server (address and
    // port), or over all other connections when none of those has the
    // value: the reference for "slow". None when no other one has it.
    std::optional<TimeNs> peerMedianRtt;
    std::optional<TimeNs> peerMedianTtfb;
    // HTTP: the requests that could be the connection's first slow one
    // (ApplicationSummary::risingWaits), each with the median wait of the
    // other requests to the same server (or, when there are none, of every
    // other request in the capture).
    std::vector<HttpExchange> requestCandidates;
    std::vector<std::optional<TimeNs>> requestPeerMedians;

    bool clientCutShort() const { return summary.clientCutShort(); }
};

// One entry per connection, by id. `keepGoing` is asked every few thousand
// connections with how many are done; returning false gives up (nullopt).
std::optional<std::vector<ConnectionFacts>>
computeConnectionFacts(const LoadedCapture& capture,
                       const std::function<bool(std::size_t done)>& keepGoing = {});

} // namespace tcpladder
