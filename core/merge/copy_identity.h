#pragma once

#include "load/loaded_capture.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tcpladder {

// What the sender's stack wrote into each copy of an otherwise identical
// packet and no router changes: the IPv4 Identification and the TSval of the
// timestamps option. Either may be absent (IPv6 has no ID; a stack may send
// no timestamps), and Linux sends ID 0 with DF set, the same in every copy.
struct CopyIdentity {
    std::int32_t ipId = -1;    // -1: absent
    std::int64_t tsValue = -1; // -1: absent
};

// A run of identical copies is ambiguous when the two points saw different
// numbers of its copies (so one must be named lost, or made by the network)
// and timing alone cannot say which: it is longer than the delay alignment
// takes (then the latest-copy rule places it, which is right only for copies
// further apart than the delay), or two neighbouring copies at one point are
// closer together than the direction's delays spread (the range of the
// delays of packets sent once and seen once) plus the pairing slack.
// Only ambiguous runs are re-read, and none of more than 65,536 copies.
struct IdenticalRuns {
    std::uint64_t ambiguous = 0;
    std::uint64_t toldApart = 0;     // of those, paired by IP ID and TSval
    std::uint64_t packetsReread = 0; // copies re-read for them, at both points

    IdenticalRuns& operator+=(const IdenticalRuns& other) {
        ambiguous += other.ambiguous;
        toldApart += other.toldApart;
        packetsReread += other.packetsReread;
        return *this;
    }
};

// Re-reads packet `index` of `connection` from its file; nothing when the
// capture cannot be read again (a pipe, memory) or the packet not decoded.
std::optional<CopyIdentity> readCopyIdentity(const LoadedCapture& capture, std::uint32_t connection,
                                             std::uint32_t index);

// Pairs the copies of one run of identical packets by identity: by ID and
// TSval together, else TSval alone (a middlebox may rewrite IDs), else ID
// alone, the first whose values are distinct among the copies at each point
// and pair every copy of the point that saw fewer. `sentTimes` and
// `receivedTimes` on one clock: a pairing whose copy arrives more than
// `slack` before it left is refused. Result: for each received copy its
// sent copy's position, or -1; false (and `into` untouched) when the
// identities cannot tell the copies apart.
bool pairByIdentity(const std::vector<CopyIdentity>& sent, const std::vector<TimeNs>& sentTimes,
                    const std::vector<CopyIdentity>& received,
                    const std::vector<TimeNs>& receivedTimes, TimeNs slack,
                    std::vector<std::int64_t>& into);

} // namespace tcpladder
