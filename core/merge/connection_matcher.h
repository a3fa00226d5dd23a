#pragma once

#include "load/loaded_capture.h"
#include "merge/merged_capture.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tcpladder {

// One connection as the two points saw it (or one point only).
struct ConnectionMatch {
    std::array<std::int64_t, 2> connection{-1, -1}; // id at each point, or -1
    MatchMethod method = MatchMethod::Unmatched;
    // Point 1's side that is point 0's side s is sideAtPoint1[s].
    std::array<Side, 2> sideAtPoint1{kSideA, kSideB};
};

struct ConnectionMatches {
    std::vector<ConnectionMatch> matches; // every connection of both points, once
    std::vector<std::string> notes;       // ambiguities the user should know about
};

// Pairs the connections of two captures: first by 4-tuple and ISNs (so a
// 4-tuple reused for a second connection pairs with its own kind), then by
// 4-tuple and overlapping sequence numbers where a point missed the SYN, then
// by the ISN pair alone for addresses rewritten between the points. An ISN
// pair found more than once at either point is left unmatched rather than
// guessed.
ConnectionMatches matchConnections(const LoadedCapture& first, const LoadedCapture& second);

} // namespace tcpladder
