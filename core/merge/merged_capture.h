#pragma once

#include "common/result.h"
#include "common/time_ns.h"
#include "load/loaded_capture.h"
#include "merge/copy_identity.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tcpladder {

// Two captures of the same traffic taken at two points of the path (client
// host and server host, or client and load balancer), merged: which
// connections are the same, how the two clocks differ, and what became of
// each packet between the points.
//
// Points are numbered as the user gave the files (0 = the first). All times
// in a MergedCapture are on point 0's clock and count from point 0's
// `epochSeconds`; point 1's times are shifted by the clock offset.

enum class MatchMethod : std::uint8_t {
    FourTupleAndIsn, // same addresses and ports, and the same initial sequence numbers (or,
                     // where one point missed the SYN, overlapping sequence numbers)
    IsnOnly,         // addresses or ports rewritten (NAT, a load balancer); ISNs and timing agree
    Unmatched,       // seen at one point only
};

// What became of one packet between the points, as a sender-to-receiver
// truth that no one-sided capture can tell.
enum class PacketFate : std::uint8_t {
    SeenAtBoth,
    LostBetween,     // seen at the point nearer its sender only
    OnlyAtReceiver,  // seen at the point nearer its receiver only: sent from beyond the
                     // sender-side point, or a duplicate made by the network
    ResentAfterLoss, // seen at both; a retransmission whose original was lost between the points
    OnePointOnly,    // its connection was seen at one point only: no fate can be told
};

// Point 1's clock minus point 0's, bounded from both sides by the packets
// seen at both points: a packet from 0 to 1 cannot arrive before it left,
// nor one from 1 to 0 (the classic two-way bound). The estimate is the
// middle of the bound unless the user gave one.
struct ClockOffset {
    TimeNs estimate = 0;
    TimeNs lowerBound = 0; // the true offset lies within [lowerBound, upperBound]
    TimeNs upperBound = 0;
    // Change of the offset per second of capture, in parts per million, when
    // the capture is long enough to tell (else 0 and driftKnown false).
    double driftPpm = 0;
    bool driftKnown = false;
    bool userGiven = false;
    std::uint64_t samples[2]{}; // packets seen at both points, per direction (0→1, 1→0)
    // The estimate and the bound hold at this time (point 0's clock); with
    // drift, the offset at another time follows from driftPpm.
    TimeNs referenceTime = 0;

    TimeNs uncertainty() const { return (upperBound - lowerBound) / 2; }
    // The offset at `time` on point 0's clock: the estimate moved by the drift.
    TimeNs at(TimeNs time) const {
        return estimate +
               static_cast<TimeNs>(driftPpm * 1e-6 * static_cast<double>(time - referenceTime));
    }
};

struct DelayStats {
    std::uint64_t samples = 0;
    TimeNs min = 0;
    TimeNs median = 0;
    TimeNs p99 = 0;
};

// One packet of a merged connection. `index[p]` is its position among the
// connection's packets in point p's PacketStore, or -1 when point p did not
// see it; `time[p]` is when it passed point p (on point 0's clock).
struct MergedPacket {
    std::array<std::int64_t, 2> index{-1, -1};
    std::array<TimeNs, 2> time{};
    Side sender = kSideA; // in the merged connection's sides (those of its first point)
    PacketFate fate = PacketFate::OnePointOnly;
    // The one-sided sequence analysis at the receiver-side point named this
    // packet differently from what the merge found (e.g. "out-of-order" for
    // a retransmission of a segment lost between the points).
    bool oneSidedDisagrees = false;

    bool seenAt(int point) const { return index[point] >= 0; }
};

struct MergedConnection {
    std::uint32_t id = 0;                           // row in the merged table
    std::array<std::int64_t, 2> connection{-1, -1}; // id in each point's capture, or -1
    MatchMethod method = MatchMethod::Unmatched;
    // Which point is nearer the client (0 or 1), from the order packets passed
    // the points; -1 when seen at one point only.
    int clientPoint = -1;
    std::array<std::uint64_t, 2> lostBetween{};    // per sender side (kSideA, kSideB)
    std::array<std::uint64_t, 2> onlyAtReceiver{}; // per sender side
    std::array<DelayStats, 2> oneWayDelay{};       // per sender side
    // In order of time at the sender-side point; empty when
    // MergeOptions::keepPackets is off.
    std::vector<MergedPacket> packets;
    TimeNs firstTime = 0; // when its first packet passed a point (point 0's clock)

    bool bothSides() const { return connection[0] >= 0 && connection[1] >= 0; }
};

struct MergeOptions {
    // A known offset (point 1's clock minus point 0's) instead of the estimate.
    std::optional<TimeNs> knownOffset;
    // Off: only the per-connection figures are kept, not every packet's fate
    // (a connection table needs no more, and millions of packets cost memory).
    bool keepPackets = true;
};

struct MergedCapture {
    std::array<std::shared_ptr<const LoadedCapture>, 2> points;
    ClockOffset offset;
    std::vector<MergedConnection> connections; // in order of first packet
    // Runs of identical copies whose lost copy timing could not name for
    // sure, and how many the copies' re-read identities told apart.
    IdenticalRuns identicalRuns;
    // What the merge noticed and the user should know ("12 connections seen at
    // point 0 only", "offset from 3 packets only").
    std::vector<std::string> notes;
};

// Fails only when the two captures share no connection at all and no known
// offset was given (nothing to line up) — then the message says so.
Result<MergedCapture> mergeCaptures(std::shared_ptr<const LoadedCapture> first,
                                    std::shared_ptr<const LoadedCapture> second,
                                    const MergeOptions& options = {});

} // namespace tcpladder
