#include "merge/connection_matcher.h"

#include "tcp/flow_key.h"

#include <unordered_map>

namespace tcpladder {
namespace {

Side other(Side side) {
    return side == kSideA ? kSideB : kSideA;
}

// The base sequence number is the ISN only for a side whose SYN the point saw.
bool isnKnown(const Connection& c, Side side) {
    return c.firstSynSender == side || c.firstSynAckSender == side;
}

FlowKey flowOf(const Connection& c) {
    return FlowKey::make(c.endpoints[kSideA].address, c.endpoints[kSideA].port,
                         c.endpoints[kSideB].address, c.endpoints[kSideB].port);
}

// Point 1's side that has the endpoint of point 0's side A, when both
// connections have the same two endpoints.
std::optional<Side> sameEndpoints(const Connection& c0, const Connection& c1) {
    if (c0.endpoints[kSideA] == c1.endpoints[kSideA] &&
        c0.endpoints[kSideB] == c1.endpoints[kSideB])
        return kSideA;
    if (c0.endpoints[kSideA] == c1.endpoints[kSideB] &&
        c0.endpoints[kSideB] == c1.endpoints[kSideA])
        return kSideB;
    return std::nullopt;
}

// Absolute sequence numbers one side sent, first to one past the last byte.
struct SeqSpan {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    bool any = false;
};

SeqSpan sentSpan(const LoadedCapture& capture, std::uint32_t id, Side side) {
    SeqSpan span;
    std::uint32_t low = 0xFFFFFFFF;
    std::uint32_t high = 0;
    capture.packets.forEachChunk(id, [&](const PacketRecord* records, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            if (records[i].side() != side)
                continue;
            span.any = true;
            low = std::min(low, records[i].relativeSeq());
            high = std::max(high, records[i].relativeSeq() + records[i].payloadLength());
        }
    });
    const std::uint32_t base = capture.connections[id].baseSeq[side];
    span.low = base + low;
    span.high = base + high;
    return span;
}

// Spans compared in sequence space (RFC 1982), so a wrap does not matter.
bool overlap(const SeqSpan& a, const SeqSpan& b) {
    return a.any && b.any && static_cast<std::int32_t>(a.low - b.high) <= 0 &&
           static_cast<std::int32_t>(b.low - a.high) <= 0;
}

std::uint64_t isnPairKey(const Connection& c) {
    return std::uint64_t{c.baseSeq[c.clientSide()]} << 32 | c.baseSeq[c.serverSide()];
}

class Matcher {
public:
    Matcher(const LoadedCapture& first, const LoadedCapture& second)
        : m_first(first), m_second(second), m_partner0(first.connections.size(), -1),
          m_partner1(second.connections.size(), -1) {}

    ConnectionMatches run() {
        std::unordered_multimap<std::uint64_t, std::uint32_t> byFlow;
        byFlow.reserve(m_second.connections.size());
        for (const Connection& c : m_second.connections)
            byFlow.emplace(hashFlowKey(flowOf(c)), c.id);
        matchByFlow(byFlow, true);
        matchByFlow(byFlow, false);
        matchByIsnPair();
        for (std::uint32_t id = 0; id < m_first.connections.size(); ++id) {
            if (m_partner0[id] < 0)
                m_result.matches.push_back({{id, -1}, MatchMethod::Unmatched, {kSideA, kSideB}});
        }
        for (std::uint32_t id = 0; id < m_second.connections.size(); ++id) {
            if (m_partner1[id] < 0)
                m_result.matches.push_back({{-1, id}, MatchMethod::Unmatched, {kSideA, kSideB}});
        }
        return std::move(m_result);
    }

private:
    void pair(std::uint32_t id0, std::uint32_t id1, MatchMethod method, Side point1SideOfA) {
        m_partner0[id0] = id1;
        m_partner1[id1] = id0;
        m_result.matches.push_back({{id0, id1}, method, {point1SideOfA, other(point1SideOfA)}});
    }

    // withIsn: both ISNs equal (the SYNs passed both points); without, the
    // sequence numbers each side sent overlap (a point missed the start).
    void matchByFlow(const std::unordered_multimap<std::uint64_t, std::uint32_t>& byFlow,
                     bool withIsn) {
        for (const Connection& c0 : m_first.connections) {
            if (m_partner0[c0.id] >= 0)
                continue;
            const auto [begin, end] = byFlow.equal_range(hashFlowKey(flowOf(c0)));
            for (auto it = begin; it != end; ++it) {
                const Connection& c1 = m_second.connections[it->second];
                if (m_partner1[c1.id] >= 0)
                    continue;
                const std::optional<Side> sideOfA = sameEndpoints(c0, c1);
                if (!sideOfA)
                    continue;
                const Side sideOfB = other(*sideOfA);
                const bool sameIsns = c0.baseSeq[kSideA] == c1.baseSeq[*sideOfA] &&
                                      c0.baseSeq[kSideB] == c1.baseSeq[sideOfB];
                bool match = false;
                if (withIsn) {
                    match = sameIsns && (isnKnown(c0, kSideA) || isnKnown(c0, kSideB));
                } else {
                    match = (!isnKnown(c0, kSideA) || !isnKnown(c1, *sideOfA)) &&
                            (overlap(sentSpan(m_first, c0.id, kSideA),
                                     sentSpan(m_second, c1.id, *sideOfA)) ||
                             overlap(sentSpan(m_first, c0.id, kSideB),
                                     sentSpan(m_second, c1.id, sideOfB)));
                }
                if (match) {
                    pair(c0.id, c1.id, MatchMethod::FourTupleAndIsn, *sideOfA);
                    break;
                }
            }
        }
    }

    void matchByIsnPair() {
        std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> byIsns;
        for (const Connection& c : m_second.connections) {
            if (m_partner1[c.id] < 0 && isnKnown(c, kSideA) && isnKnown(c, kSideB))
                byIsns[isnPairKey(c)].push_back(c.id);
        }
        std::unordered_map<std::uint64_t, int> firstCount;
        for (const Connection& c : m_first.connections) {
            if (m_partner0[c.id] < 0 && isnKnown(c, kSideA) && isnKnown(c, kSideB))
                ++firstCount[isnPairKey(c)];
        }
        std::uint64_t ambiguous = 0;
        for (const Connection& c0 : m_first.connections) {
            if (m_partner0[c0.id] >= 0 || !isnKnown(c0, kSideA) || !isnKnown(c0, kSideB))
                continue;
            const auto found = byIsns.find(isnPairKey(c0));
            if (found == byIsns.end())
                continue;
            if (found->second.size() != 1 || firstCount[isnPairKey(c0)] != 1) {
                ++ambiguous;
                continue;
            }
            const Connection& c1 = m_second.connections[found->second.front()];
            // The client is the client at both points, so its side maps to its side.
            const Side sideOfA = c0.clientSide() == kSideA ? c1.clientSide() : c1.serverSide();
            pair(c0.id, c1.id, MatchMethod::IsnOnly, sideOfA);
        }
        if (ambiguous > 0)
            m_result.notes.push_back(std::to_string(ambiguous) +
                                     " connections share their ISN pair with others and "
                                     "different addresses: left unmatched");
    }

    const LoadedCapture& m_first;
    const LoadedCapture& m_second;
    std::vector<std::int64_t> m_partner0;
    std::vector<std::int64_t> m_partner1;
    ConnectionMatches m_result;
};

} // namespace

ConnectionMatches matchConnections(const LoadedCapture& first, const LoadedCapture& second) {
    return Matcher(first, second).run();
}

} // namespace tcpladder
