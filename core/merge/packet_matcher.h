#pragma once

#include "common/time_ns.h"
#include "load/loaded_capture.h"
#include "merge/connection_matcher.h"
#include "merge/copy_identity.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace tcpladder {

// One packet of one direction of a connection, as one point saw it, with
// absolute numbers: what stays the same when the packet passes the other
// point (a NAT rewrites addresses and ports, not these).
struct PointPacket {
    std::uint32_t seq = 0;
    std::uint32_t ack = 0; // 0 when ACK is clear
    std::uint32_t length = 0;
    std::uint16_t window = 0;
    std::uint8_t flags = 0;
    std::uint16_t analysis = 0; // the one-sided verdict at this point
    TimeNs time = 0;            // on point 0's epoch (and, once corrected, its clock)
    std::uint32_t index = 0;    // among the connection's packets at this point
};

// A matched connection's packets: [point][sender side], sides those of point 0
// (of point 1 when only point 1 saw it), each list in capture order.
using ConnectionPackets = std::array<std::array<std::vector<PointPacket>, 2>, 2>;

// `epochShift`: point 1's epochSeconds minus point 0's, in nanoseconds, so
// that both points' times count from the same second.
// Refills `into`, keeping its lists' memory: one set of lists serves every
// connection, which spares the page faults of fresh memory per connection.
void collectPackets(const std::array<const LoadedCapture*, 2>& points, const ConnectionMatch& match,
                    TimeNs epochShift, ConnectionPackets& into);

// Positions of a list sorted by the packets' numbers, copies in the order
// they passed: what the two functions below walk. It does not depend on the
// times, so it survives the clock correction.
using NumberOrder = std::vector<std::uint32_t>;
void numberOrder(const std::vector<PointPacket>& packets, NumberOrder& into);

// Packets whose numbers occur once at each point: pairs that need no clock to
// be trusted, for the clock offset. Times as in the lists.
struct TimePair {
    TimeNs at0 = 0;
    TimeNs at1 = 0;
};
void uniquePairs(const std::vector<PointPacket>& at0, const NumberOrder& order0,
                 const std::vector<PointPacket>& at1, const NumberOrder& order1,
                 std::vector<TimePair>& into);

// The identities of the copies in one direction's two lists, read from the
// files on demand (the index does not keep them).
class CopyIdentities {
public:
    virtual ~CopyIdentities() = default;
    // Nothing when the packet cannot be read again.
    virtual std::optional<CopyIdentity> sent(const PointPacket& packet) = 0;
    virtual std::optional<CopyIdentity> received(const PointPacket& packet) = 0;
    // False when either capture cannot be read again (a pipe, memory):
    // nothing is tried.
    virtual bool available() const = 0;
};

// Pairs every packet of one direction: equal numbers, and among copies (a
// resent segment) each receiver-side copy takes the latest sender-side copy
// that left no later than it arrived (`slack` allows for the clock offset's
// uncertainty); where both points saw several copies (repeated ACKs), the
// order-keeping alignment whose delays lie nearest the median delay of the
// packets sent once and seen once. Ambiguous runs (IdenticalRuns) are paired by the
// copies' identities instead, where `identities` tells them apart. Both
// lists on one clock. Result: for each packet of each list its partner's
// position in the other list, or -1. Refills `into`, keeping its memory.
struct DirectionPairs {
    std::vector<std::int64_t> senderPartner;
    std::vector<std::int64_t> receiverPartner;
};
void pairPackets(const std::vector<PointPacket>& senderSide, const NumberOrder& orderS,
                 const std::vector<PointPacket>& receiverSide, const NumberOrder& orderR,
                 TimeNs slack, CopyIdentities* identities, IdenticalRuns& runs,
                 DirectionPairs& into);

} // namespace tcpladder
