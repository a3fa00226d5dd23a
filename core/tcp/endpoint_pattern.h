#pragma once

#include "tcp/connection.h"

#include <optional>
#include <string_view>

namespace tcpladder {

// An endpoint as people type it: an address ("10.0.0.5", "2001:db8::1"), a
// port (":443"), or both ("10.0.0.5:443", "[2001:db8::1]:443").
struct EndpointPattern {
    std::optional<IpAddress> address;
    std::optional<std::uint16_t> port;

    bool matches(const Endpoint& endpoint) const {
        return (!address || *address == endpoint.address) && (!port || *port == endpoint.port);
    }
};

// None when the text is none of the forms above.
std::optional<EndpointPattern> parseEndpointPattern(std::string_view text);

} // namespace tcpladder
