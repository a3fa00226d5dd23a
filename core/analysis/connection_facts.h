#pragma once

#include "analysis/connection_summary.h"
#include "load/loaded_capture.h"

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

    bool clientCutShort() const { return summary.clientCutShort(); }
};

// One entry per connection, by id. `keepGoing` is asked every few thousand
// connections with how many are done; returning false gives up (nullopt).
std::optional<std::vector<ConnectionFacts>>
computeConnectionFacts(const LoadedCapture& capture,
                       const std::function<bool(std::size_t done)>& keepGoing = {});

} // namespace tcpladder
