#pragma once

#include "common/time_ns.h"
#include "messages/message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tcpladder {

// One HTTP request with its response, as the summary keeps it.
struct HttpExchange {
    std::uint32_t index = 0; // 0 for the connection's first request
    std::string method;
    std::string target;
    unsigned status = 0;             // 0: no response seen
    std::uint64_t requestFrame = 0;  // carried the request's first byte
    std::uint64_t responseFrame = 0; // carried the response's first byte; 0: none
    // From the request's last byte to the response's first (the server's
    // think time); -1 when either end is unknown.
    TimeNs wait = -1;

    bool operator==(const HttpExchange&) const = default;
};

// What a connection carried, read while loading from each direction's
// in-order bytes with bounded state: enough for the table's Application
// column, the per-request slow rule, the report and the CLI. The full message
// list of one connection is readConnectionMessages()'s job.
struct ApplicationSummary {
    std::optional<MessageProtocol> protocol; // empty: nothing recognised
    // Some bytes it needed were not in the capture (snaplen, loss, a length
    // past the end), or a bound was reached: the figures are a lower bound.
    bool truncated = false;

    // HTTP
    std::uint32_t requests = 0;
    std::uint32_t responses = 0; // final ones (not 1xx)
    std::string host;            // of the first request
    std::optional<HttpExchange> first;
    std::optional<HttpExchange> slowest; // longest wait
    // Requests whose wait exceeded every earlier one's and reached the slow
    // rule's floor, in request order: whatever the threshold, the first slow
    // request is the first of these above it. Bounded; the last is kept.
    std::vector<HttpExchange> risingWaits;
    // Every paired request's wait, in request order: the peers of other
    // connections' requests to the same server.
    std::vector<TimeNs> waits;

    // TLS
    std::string sni;
    std::string alpn;             // the server's choice, else the client's offer
    std::uint16_t tlsVersion = 0; // the ServerHello's, else the ClientHello's
    std::string alert;            // the first one: "fatal handshake_failure"

    // DNS: the first query; SSH: the banners; text: the first lines.
    std::string clientText;
    std::string serverText;

    bool operator==(const ApplicationSummary&) const = default;
};

} // namespace tcpladder
