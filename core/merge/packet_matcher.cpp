#include "merge/packet_matcher.h"

#include "decode/tcp_segment.h"

#include <algorithm>
#include <compare>
#include <limits>
#include <numeric>

namespace tcpladder {
namespace {

// A packet's numbers (seq, ack, length, flags, window), packed into two
// words that compare in that order: two comparisons instead of five, in the
// sorts and walks that run once per packet or more.
struct Numbers {
    std::uint64_t high = 0;
    std::uint64_t low = 0;

    auto operator<=>(const Numbers&) const = default;
};

Numbers numbers(const PointPacket& p) {
    return {std::uint64_t{p.seq} << 32 | p.ack,
            std::uint64_t{p.length} << 24 | std::uint64_t{p.flags} << 16 | p.window};
}

} // namespace

void numberOrder(const std::vector<PointPacket>& packets, NumberOrder& order) {
    order.resize(packets.size());
    std::iota(order.begin(), order.end(), 0u);
    // Most lists are in order already (a sender's bytes, an ACK stream):
    // checking costs one pass where sorting costs n log n comparisons.
    const bool inOrder = std::is_sorted(
        packets.begin(), packets.end(),
        [](const PointPacket& a, const PointPacket& b) { return numbers(a) < numbers(b); });
    if (inOrder)
        return;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto ka = numbers(packets[a]);
        const auto kb = numbers(packets[b]);
        return ka != kb ? ka < kb : a < b;
    });
}

namespace {

// Calls fn(senderBegin, senderEnd, receiverBegin, receiverEnd) for each run of
// equal numbers found in either list (an empty range where a list lacks it).
template <typename Fn>
void forEachGroup(const std::vector<PointPacket>& a, const std::vector<std::uint32_t>& orderA,
                  const std::vector<PointPacket>& b, const std::vector<std::uint32_t>& orderB,
                  Fn&& fn) {
    const std::size_t endA = orderA.size();
    const std::size_t endB = orderB.size();
    std::size_t i = 0;
    std::size_t j = 0;
    // Each list's next numbers, packed once per packet.
    Numbers nextA = i < endA ? numbers(a[orderA[i]]) : Numbers{};
    Numbers nextB = j < endB ? numbers(b[orderB[j]]) : Numbers{};
    while (i < endA || j < endB) {
        const Numbers key = i < endA && (j >= endB || nextA <= nextB) ? nextA : nextB;
        std::size_t iEnd = i;
        while (iEnd < endA && nextA == key) {
            ++iEnd;
            if (iEnd < endA)
                nextA = numbers(a[orderA[iEnd]]);
        }
        std::size_t jEnd = j;
        while (jEnd < endB && nextB == key) {
            ++jEnd;
            if (jEnd < endB)
                nextB = numbers(b[orderB[jEnd]]);
        }
        fn(i, iEnd, j, jEnd);
        i = iEnd;
        j = jEnd;
    }
}

} // namespace

void collectPackets(const std::array<const LoadedCapture*, 2>& points, const ConnectionMatch& match,
                    TimeNs epochShift, ConnectionPackets& result) {
    for (auto& lists : result)
        for (auto& list : lists)
            list.clear();
    for (int point = 0; point < 2; ++point) {
        if (match.connection[point] < 0)
            continue;
        const LoadedCapture& capture = *points[point];
        const auto id = static_cast<std::uint32_t>(match.connection[point]);
        const Connection& connection = capture.connections[id];
        // Point 1's side s is the merged side whose point-1 side is s.
        const bool swapped =
            point == 1 && match.connection[0] >= 0 && match.sideAtPoint1[kSideA] == kSideB;
        const TimeNs shift = point == 1 ? epochShift : 0;
        std::uint32_t index = 0;
        capture.packets.forEachChunk(id, [&](const PacketRecord* records, std::size_t count) {
            for (std::size_t k = 0; k < count; ++k, ++index) {
                const PacketRecord& r = records[k];
                const Side side = r.side();
                const Side peer = side == kSideA ? kSideB : kSideA;
                PointPacket p;
                p.seq = connection.baseSeq[side] + r.relativeSeq();
                p.ack = (r.flags() & kAck) ? connection.baseSeq[peer] + r.relativeAck() : 0;
                p.length = r.payloadLength();
                p.window = r.rawWindow();
                p.flags = r.flags();
                p.analysis = r.analysis();
                p.time = r.time() + shift;
                p.index = index;
                const Side merged = swapped ? peer : side;
                result[point][merged].push_back(p);
            }
        });
    }
}

void uniquePairs(const std::vector<PointPacket>& at0, const NumberOrder& order0,
                 const std::vector<PointPacket>& at1, const NumberOrder& order1,
                 std::vector<TimePair>& pairs) {
    pairs.clear();
    forEachGroup(at0, order0, at1, order1,
                 [&](std::size_t i, std::size_t iEnd, std::size_t j, std::size_t jEnd) {
                     if (iEnd - i == 1 && jEnd - j == 1)
                         pairs.push_back({at0[order0[i]].time, at1[order1[j]].time});
                 });
}

namespace {

// Copies of identical packets at both points (a run of dup-ACKs) in order, each
// pairing costing how far its delay lies from the expected one and each copy
// left unpaired a fixed penalty: the cheapest order-keeping alignment names
// the copy that was lost, where the latest-copy rule would shift every
// pairing after it by one.
constexpr std::size_t kAlignLimit = 4096; // copies at one point times the other
// An ambiguous run longer than this (copies at both points) is left to the
// timing: re-reading stays bounded whatever a capture holds.
constexpr std::size_t kMostCopiesReread = 65536;

void alignCopies(const std::vector<PointPacket>& senderSide, const std::uint32_t* sent,
                 std::size_t n, const std::vector<PointPacket>& receiverSide,
                 const std::uint32_t* received, std::size_t m, TimeNs slack, TimeNs expectedDelay,
                 DirectionPairs& result) {
    const TimeNs skip = slack + (expectedDelay < 0 ? -expectedDelay : expectedDelay);
    constexpr TimeNs kNever = std::numeric_limits<TimeNs>::max() / 4;
    std::vector<TimeNs> cost((n + 1) * (m + 1));
    std::vector<std::uint8_t> step((n + 1) * (m + 1)); // 0 skip sent, 1 skip received, 2 pair
    const auto at = [m](std::size_t a, std::size_t b) { return a * (m + 1) + b; };
    for (std::size_t a = 0; a <= n; ++a) {
        for (std::size_t b = 0; b <= m; ++b) {
            if (a == 0 && b == 0)
                continue;
            TimeNs best = kNever;
            std::uint8_t how = 0;
            if (a > 0 && cost[at(a - 1, b)] + skip < best) {
                best = cost[at(a - 1, b)] + skip;
                how = 0;
            }
            if (b > 0 && cost[at(a, b - 1)] + skip < best) {
                best = cost[at(a, b - 1)] + skip;
                how = 1;
            }
            if (a > 0 && b > 0) {
                const TimeNs delay =
                    receiverSide[received[b - 1]].time - senderSide[sent[a - 1]].time;
                if (delay >= -slack) {
                    const TimeNs off = delay - expectedDelay;
                    const TimeNs pairCost = cost[at(a - 1, b - 1)] + (off < 0 ? -off : off);
                    if (pairCost < best) {
                        best = pairCost;
                        how = 2;
                    }
                }
            }
            cost[at(a, b)] = best;
            step[at(a, b)] = how;
        }
    }
    for (std::size_t a = n, b = m; a > 0 || b > 0;) {
        const std::uint8_t how = step[at(a, b)];
        if (how == 2) {
            result.senderPartner[sent[a - 1]] = received[b - 1];
            result.receiverPartner[received[b - 1]] = sent[a - 1];
        }
        a -= how != 1 ? 1 : 0;
        b -= how != 0 ? 1 : 0;
    }
}

// The delays of the packets sent once and seen once: their median, what
// repeated copies are aligned against, and their range.
struct DelaySpread {
    TimeNs median = 0;
    TimeNs range = 0;
    bool known = false;
};

DelaySpread typicalDelay(const std::vector<PointPacket>& senderSide, const NumberOrder& orderS,
                         const std::vector<PointPacket>& receiverSide, const NumberOrder& orderR) {
    std::vector<TimePair> pairs;
    uniquePairs(senderSide, orderS, receiverSide, orderR, pairs);
    if (pairs.empty())
        return {};
    std::vector<TimeNs> delays;
    delays.reserve(pairs.size());
    for (const TimePair& pair : pairs)
        delays.push_back(pair.at1 - pair.at0);
    const auto [low, high] = std::minmax_element(delays.begin(), delays.end());
    const TimeNs range = *high - *low;
    const auto middle = delays.begin() + static_cast<std::ptrdiff_t>(delays.size() / 2);
    std::nth_element(delays.begin(), middle, delays.end());
    return {*middle, range, true};
}

// Two neighbouring copies closer together than `gap`.
bool crowded(const std::vector<PointPacket>& packets, const std::uint32_t* copies, std::size_t n,
             TimeNs gap) {
    for (std::size_t k = 1; k < n; ++k) {
        const TimeNs apart = packets[copies[k]].time - packets[copies[k - 1]].time;
        if ((apart < 0 ? -apart : apart) < gap)
            return true;
    }
    return false;
}

// Pairs an ambiguous run by the copies' identities; false when they cannot
// be read or do not tell the copies apart.
bool pairRunByIdentity(const std::vector<PointPacket>& senderSide, const std::uint32_t* sent,
                       std::size_t n, const std::vector<PointPacket>& receiverSide,
                       const std::uint32_t* received, std::size_t m, TimeNs slack,
                       CopyIdentities& identities, IdenticalRuns& runs, DirectionPairs& result) {
    std::vector<CopyIdentity> sentIds(n);
    std::vector<CopyIdentity> receivedIds(m);
    std::vector<TimeNs> sentTimes(n);
    std::vector<TimeNs> receivedTimes(m);
    for (std::size_t a = 0; a < n; ++a) {
        ++runs.packetsReread;
        const auto identity = identities.sent(senderSide[sent[a]]);
        if (!identity)
            return false;
        sentIds[a] = *identity;
        sentTimes[a] = senderSide[sent[a]].time;
    }
    for (std::size_t b = 0; b < m; ++b) {
        ++runs.packetsReread;
        const auto identity = identities.received(receiverSide[received[b]]);
        if (!identity)
            return false;
        receivedIds[b] = *identity;
        receivedTimes[b] = receiverSide[received[b]].time;
    }
    std::vector<std::int64_t> partners;
    if (!pairByIdentity(sentIds, sentTimes, receivedIds, receivedTimes, slack, partners))
        return false;
    for (std::size_t b = 0; b < m; ++b) {
        if (partners[b] < 0)
            continue;
        const std::uint32_t s = sent[partners[b]];
        result.senderPartner[s] = received[b];
        result.receiverPartner[received[b]] = s;
    }
    ++runs.toldApart;
    return true;
}

} // namespace

void pairPackets(const std::vector<PointPacket>& senderSide, const NumberOrder& orderS,
                 const std::vector<PointPacket>& receiverSide, const NumberOrder& orderR,
                 TimeNs slack, CopyIdentities* identities, IdenticalRuns& runs,
                 DirectionPairs& result) {
    result.senderPartner.assign(senderSide.size(), -1);
    result.receiverPartner.assign(receiverSide.size(), -1);
    // Only copies seen several times need it, and most directions have
    // none: worked out at the first such group.
    bool delayKnown = false;
    DelaySpread delay;
    const auto knowDelay = [&] {
        if (!delayKnown)
            delay = typicalDelay(senderSide, orderS, receiverSide, orderR);
        delayKnown = true;
    };
    const bool canReread = identities && identities->available();
    forEachGroup(senderSide, orderS, receiverSide, orderR,
                 [&](std::size_t i, std::size_t iEnd, std::size_t j, std::size_t jEnd) {
                     const std::size_t n = iEnd - i;
                     const std::size_t m = jEnd - j;
                     if (n != m && n > 0 && m > 0 && n + m > 2) {
                         bool ambiguous = n * m > kAlignLimit;
                         if (!ambiguous) {
                             knowDelay();
                             const TimeNs gap = delay.known ? delay.range + slack
                                                            : std::numeric_limits<TimeNs>::max();
                             ambiguous = crowded(senderSide, &orderS[i], n, gap) ||
                                         crowded(receiverSide, &orderR[j], m, gap);
                         }
                         if (ambiguous) {
                             ++runs.ambiguous;
                             if (canReread && n + m <= kMostCopiesReread &&
                                 pairRunByIdentity(senderSide, &orderS[i], n, receiverSide,
                                                   &orderR[j], m, slack, *identities, runs, result))
                                 return;
                         }
                     }
                     if (n > 1 && m > 1 && n * m <= kAlignLimit) {
                         knowDelay();
                         alignCopies(senderSide, &orderS[i], n, receiverSide, &orderR[j], m, slack,
                                     delay.median, result);
                         return;
                     }
                     // From the last arrival back: each takes the latest copy
                     // sent before it arrived that no later arrival took; only
                     // when there is none, one sent within the clock's slack
                     // after (a retransmission sent just after the original
                     // arrived must not take its place).
                     std::size_t s = iEnd;
                     for (std::size_t r = jEnd; r > j; --r) {
                         const std::uint32_t received = orderR[r - 1];
                         const TimeNs arrived = receiverSide[received].time;
                         while (s > i && senderSide[orderS[s - 1]].time > arrived + slack)
                             --s;
                         std::size_t pick = s;
                         while (pick > i && senderSide[orderS[pick - 1]].time > arrived)
                             --pick;
                         if (pick == i)
                             pick = s;
                         if (pick == i)
                             break;
                         s = pick - 1;
                         const std::uint32_t sent = orderS[s];
                         result.senderPartner[sent] = received;
                         result.receiverPartner[received] = sent;
                     }
                 });
}

} // namespace tcpladder
