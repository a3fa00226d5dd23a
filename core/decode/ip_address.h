#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace tcpladder {

// IPv4 or IPv6 address; IPv4 uses the first four bytes.
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};
    bool isV6 = false;

    friend bool operator==(const IpAddress&, const IpAddress&) = default;
    friend auto operator<=>(const IpAddress&, const IpAddress&) = default;
};

std::string formatAddress(const IpAddress& address);
// "a.b.c.d:port" or "[v6]:port", the oracle's endpoint form.
std::string formatEndpoint(const IpAddress& address, std::uint16_t port);

} // namespace tcpladder
