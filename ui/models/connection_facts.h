#pragma once

#include "analysis/connection_summary.h"
#include "load/loaded_capture.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace tcpladder::ui {

// How the client ended a connection early, if it did.
enum class ClientCut : std::uint8_t {
    No,
    Reset,           // the client sent a RST
    FinBeforeAnswer, // client FIN after its request, before any server payload
    FinMidAnswer,    // client FIN while the server was still sending
};

// What the connection table shows and filters on, worked out once per capture
// on the loading thread so that data() and filterAcceptsRow() only look up.
struct ConnectionFacts {
    ConnectionSummary summary;
    // Medians over the *other* connections to the same server (address and
    // port), or over all other connections when none of those has the
    // value: the reference for "slow". None when no other one has it.
    std::optional<TimeNs> peerMedianRtt;
    std::optional<TimeNs> peerMedianTtfb;
    // Payload in both directions, and time since the first packet, when the
    // first FIN or RST was sent.
    std::uint64_t bytesBeforeClose = 0;
    TimeNs closeAfter = 0;
    // A client RST, or a client FIN while the server still had something to
    // say: it sent payload after that FIN, or never answered the request.
    ClientCut clientCut = ClientCut::No;

    bool clientCutShort() const { return clientCut != ClientCut::No; }
};

// One entry per connection, by id. `keepGoing` is asked every few thousand
// connections with how many are done; returning false gives up (nullopt).
std::optional<std::vector<ConnectionFacts>>
computeConnectionFacts(const LoadedCapture& capture,
                       const std::function<bool(std::size_t done)>& keepGoing = {});

} // namespace tcpladder::ui
