#include "support/two_point_scenario.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>

namespace tcpladder::test {
namespace {

// Ethernet + IPv4 without options, as the packet builder writes them.
constexpr std::size_t kIpSource = 14 + 12;
constexpr std::size_t kIpDestination = 14 + 16;
constexpr std::size_t kTcpSourcePort = 14 + 20;
constexpr std::size_t kTcpDestinationPort = 14 + 22;

std::uint32_t address(const std::string& text) {
    in_addr parsed{};
    inet_pton(AF_INET, text.c_str(), &parsed);
    return parsed.s_addr;
}

void rewrite(std::vector<std::uint8_t>& bytes, std::size_t addressAt, std::size_t portAt,
             std::uint32_t newAddress, std::uint16_t portShift) {
    std::memcpy(&bytes[addressAt], &newAddress, 4);
    const auto newPort =
        static_cast<std::uint16_t>((bytes[portAt] << 8 | bytes[portAt + 1]) + portShift);
    bytes[portAt] = static_cast<std::uint8_t>(newPort >> 8);
    bytes[portAt + 1] = static_cast<std::uint8_t>(newPort);
}

} // namespace

TwoPoints seenAtTwoPoints(const std::vector<Frame>& frames, const TwoPointPath& path) {
    TwoPoints points;
    const std::uint32_t client = address(path.clientAddress);
    const std::int64_t start = frames.empty() ? 0 : frames.front().timestampNs;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Frame& frame = frames[i];
        std::uint32_t source = 0;
        std::memcpy(&source, &frame.bytes[kIpSource], 4);
        const bool fromClient = source == client;
        const bool lost = path.lostBetween.count(i) > 0;
        const bool onlyAtReceiver = path.onlyAtReceiver.count(i) > 0;
        const bool seenAtClientSide =
            !path.notCapturedAtClientSide.count(i) && !(fromClient ? onlyAtReceiver : lost);
        const bool seenAtServerSide =
            !path.notCapturedAtServerSide.count(i) && !(fromClient ? lost : onlyAtReceiver);
        if (seenAtClientSide)
            points.clientSide.push_back(frame);
        if (!seenAtServerSide)
            continue;
        Frame there = frame;
        const std::int64_t trueTime =
            frame.timestampNs + (fromClient ? path.clientToServer : -path.serverToClient);
        there.timestampNs =
            trueTime + path.serverClockOffset +
            static_cast<std::int64_t>(path.driftPpm * 1e-6 * static_cast<double>(trueTime - start));
        if (path.natAddress) {
            const std::uint32_t nat = address(*path.natAddress);
            if (fromClient)
                rewrite(there.bytes, kIpSource, kTcpSourcePort, nat, path.natPortShift);
            else
                rewrite(there.bytes, kIpDestination, kTcpDestinationPort, nat, path.natPortShift);
        }
        points.serverSide.push_back(std::move(there));
    }
    std::stable_sort(points.serverSide.begin(), points.serverSide.end(),
                     [](const Frame& a, const Frame& b) { return a.timestampNs < b.timestampNs; });
    return points;
}

} // namespace tcpladder::test
