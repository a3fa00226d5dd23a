#pragma once

#include "support/capture_writer.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

// The same IPv4 traffic seen at two points of its path, for merge tests:
// frames given as the client-side point saw them become what the server-side
// point saw, with known delays, clock offset, drift, losses and NAT.
//
//     TwoPointPath path{.clientAddress = "10.0.0.5", .clientToServer = 3'000'000, ...};
//     const TwoPoints points = seenAtTwoPoints(c.frames(), path);
//     TemporaryFile a(buildPcap(points.clientSide, {.nanosecond = true}));
namespace tcpladder::test {

struct TwoPointPath {
    std::string clientAddress;       // frames from this IPv4 address travel towards the server
    std::int64_t clientToServer = 0; // one-way delay between the points, ns
    std::int64_t serverToClient = 0;
    // The server-side point's clock minus the client-side point's at the
    // first frame, and how fast the difference grows.
    std::int64_t serverClockOffset = 0;
    double driftPpm = 0;
    // Positions in the given frames: lost between the points (seen at their
    // sender's point only), or seen at their receiver's point only.
    std::set<std::size_t> lostBetween;
    std::set<std::size_t> onlyAtReceiver;
    // Seen at one point only because that point's capture did not run then.
    std::set<std::size_t> notCapturedAtServerSide;
    std::set<std::size_t> notCapturedAtClientSide;
    // A NAT between the points: the server-side point sees the client at this
    // address, its port moved up by natPortShift.
    std::optional<std::string> natAddress;
    std::uint16_t natPortShift = 0;
};

struct TwoPoints {
    std::vector<Frame> clientSide;
    std::vector<Frame> serverSide; // in time order
};

TwoPoints seenAtTwoPoints(const std::vector<Frame>& clientSideFrames, const TwoPointPath& path);

} // namespace tcpladder::test
