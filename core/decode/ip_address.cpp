#include "decode/ip_address.h"

#include <arpa/inet.h>

namespace tcpladder {

std::string formatAddress(const IpAddress& address) {
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(address.isV6 ? AF_INET6 : AF_INET, address.bytes.data(), text, sizeof text);
    return text;
}

std::string formatEndpoint(const IpAddress& address, std::uint16_t port) {
    const std::string host = formatAddress(address);
    return (address.isV6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

} // namespace tcpladder
