#include "common/time_ns.h"

#include <cstdio>
#include <cstdlib>

namespace tcpladder {

std::string formatSeconds(TimeNs ns) {
    const bool negative = ns < 0;
    // Negate in unsigned arithmetic so INT64_MIN stays well defined.
    const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(ns)
                                             : static_cast<std::uint64_t>(ns);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s%llu.%09llu", negative ? "-" : "",
                  static_cast<unsigned long long>(magnitude / kNsPerSecond),
                  static_cast<unsigned long long>(magnitude % kNsPerSecond));
    return buffer;
}

} // namespace tcpladder
