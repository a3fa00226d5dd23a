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

    // Two 64-bit compares: this runs for every packet in the flow lookup.
    friend bool operator==(const IpAddress& a, const IpAddress& b) {
        std::uint64_t x[2], y[2];
        std::memcpy(x, a.bytes.data(), 16);
        std::memcpy(y, b.bytes.data(), 16);
        return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0 && a.isV6 == b.isV6;
    }
    friend auto operator<=>(const IpAddress&, const IpAddress&) = default;
};

std::string formatAddress(const IpAddress& address);
// "a.b.c.d:port" or "[v6]:port", the oracle's endpoint form.
std::string formatEndpoint(const IpAddress& address, std::uint16_t port);

} // namespace tcpladder
