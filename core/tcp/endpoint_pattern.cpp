#include "tcp/endpoint_pattern.h"

#include <arpa/inet.h>
#include <charconv>
#include <string>

namespace tcpladder {
namespace {

std::optional<IpAddress> parseAddress(std::string_view text) {
    const std::string zeroTerminated(text);
    IpAddress address;
    if (inet_pton(AF_INET, zeroTerminated.c_str(), address.bytes.data()) == 1)
        return address;
    if (inet_pton(AF_INET6, zeroTerminated.c_str(), address.bytes.data()) == 1) {
        address.isV6 = true;
        return address;
    }
    return std::nullopt;
}

std::optional<std::uint16_t> parsePort(std::string_view text) {
    std::uint16_t port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return port;
}

} // namespace

std::optional<EndpointPattern> parseEndpointPattern(std::string_view text) {
    EndpointPattern pattern;
    if (text.starts_with('[')) {
        const auto close = text.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        pattern.address = parseAddress(text.substr(1, close - 1));
        const std::string_view rest = text.substr(close + 1);
        if (!rest.empty()) {
            if (!rest.starts_with(':'))
                return std::nullopt;
            pattern.port = parsePort(rest.substr(1));
            if (!pattern.port)
                return std::nullopt;
        }
        return pattern.address ? std::optional(pattern) : std::nullopt;
    }
    if (text.starts_with(':')) {
        pattern.port = parsePort(text.substr(1));
        return pattern.port ? std::optional(pattern) : std::nullopt;
    }
    if ((pattern.address = parseAddress(text)))
        return pattern;
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || text.find(':', colon + 1) != std::string_view::npos)
        return std::nullopt;
    pattern.address = parseAddress(text.substr(0, colon));
    pattern.port = parsePort(text.substr(colon + 1));
    if (!pattern.address || pattern.address->isV6 || !pattern.port)
        return std::nullopt;
    return pattern;
}

} // namespace tcpladder
