#include "merge/merged_capture.h"

#include "merge/clock_offset.h"
#include "merge/connection_matcher.h"
#include "merge/delay_stats.h"
#include "merge/packet_fate.h"
#include "merge/packet_matcher.h"

#include <algorithm>

namespace tcpladder {
namespace {

// Beyond the offset's uncertainty, room for the rounding of microsecond files.
constexpr TimeNs kPairingSlack = 100'000;

TimeNs median(std::vector<TimeNs> values) {
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// The merged connection's sides are those of the first point that saw it.
const Connection& firstSeen(const std::array<const LoadedCapture*, 2>& points,
                            const ConnectionMatch& match) {
    const int point = match.connection[0] >= 0 ? 0 : 1;
    return points[point]->connections[static_cast<std::size_t>(match.connection[point])];
}

class Merger {
public:
    Merger(std::shared_ptr<const LoadedCapture> first, std::shared_ptr<const LoadedCapture> second,
           const MergeOptions& options)
        : m_options(options), m_points{first.get(), second.get()},
          m_epochShift((second->epochSeconds - first->epochSeconds) * kNsPerSecond) {
        m_result.points = {std::move(first), std::move(second)};
    }

    Result<MergedCapture> run() {
        ConnectionMatches matched = matchConnections(*m_points[0], *m_points[1]);
        m_matches = std::move(matched.matches);
        m_result.notes = std::move(matched.notes);
        std::size_t both = 0;
        for (const ConnectionMatch& m : m_matches)
            both += m.connection[0] >= 0 && m.connection[1] >= 0;
        if (both == 0 && !m_options.knownOffset)
            return Error{"the two captures share no TCP connection: nothing to line up (give "
                         "the clock offset to see them side by side)"};
        findClientPoints();
        fixOffset();
        for (int point = 0; point < 2; ++point) {
            const TimeNs shift = point == 1 ? m_epochShift : 0;
            TimeNs first = m_points[point]->firstTime + shift;
            TimeNs last = m_points[point]->lastTime + shift;
            if (point == 1) {
                first -= m_result.offset.at(first);
                last -= m_result.offset.at(last);
            }
            m_captured[point] = {first, last};
        }
        m_result.connections.reserve(m_matches.size());
        for (const ConnectionMatch& match : m_matches)
            m_result.connections.push_back(mergeConnection(match));
        std::stable_sort(m_result.connections.begin(), m_result.connections.end(),
                         [](const MergedConnection& a, const MergedConnection& b) {
                             return a.packets.front().time[a.packets.front().seenAt(0) ? 0 : 1] <
                                    b.packets.front().time[b.packets.front().seenAt(0) ? 0 : 1];
                         });
        for (std::size_t i = 0; i < m_result.connections.size(); ++i)
            m_result.connections[i].id = static_cast<std::uint32_t>(i);
        noteOnePointConnections();
        return std::move(m_result);
    }

private:
    // Which point is nearer the client: its packets pass that point first, so
    // point 1's time minus point 0's is larger for them than for the server's
    // whatever the clocks do. Connections with packets one way only follow
    // the majority of the others.
    void findClientPoints() {
        m_clientPoint.assign(m_matches.size(), -1);
        m_sampleRanges.assign(m_matches.size(), {0, 0});
        std::uint64_t most =
            std::min(m_points[0]->packets.totalPackets(), m_points[1]->packets.totalPackets());
        m_samples.reserve(most);
        std::vector<TimePair> pairs;
        int votes[2] = {0, 0};
        for (std::size_t i = 0; i < m_matches.size(); ++i) {
            const ConnectionMatch& match = m_matches[i];
            if (match.connection[0] < 0 || match.connection[1] < 0)
                continue;
            collect(match);
            const ConnectionPackets& packets = m_scratch.packets;
            m_sampleRanges[i].first = m_samples.size();
            const Side client = firstSeen(m_points, match).clientSide();
            std::array<std::vector<TimeNs>, 2> differences;
            for (const Side side : {kSideA, kSideB}) {
                uniquePairs(packets[0][side], m_scratch.orders[0][side], packets[1][side],
                            m_scratch.orders[1][side], pairs);
                for (const TimePair& pair : pairs) {
                    differences[side].push_back(pair.at1 - pair.at0);
                    m_samples.push_back({pair.at0, pair.at1 - pair.at0, side == client});
                }
            }
            m_sampleRanges[i].second = m_samples.size();
            const Side server = client == kSideA ? kSideB : kSideA;
            if (!differences[client].empty() && !differences[server].empty()) {
                m_clientPoint[i] =
                    median(differences[client]) >= median(differences[server]) ? 0 : 1;
                ++votes[m_clientPoint[i]];
            }
        }
        const int majority = votes[1] > votes[0] ? 1 : 0;
        for (std::size_t i = 0; i < m_matches.size(); ++i) {
            if (m_matches[i].connection[0] < 0 || m_matches[i].connection[1] < 0)
                continue;
            if (m_clientPoint[i] < 0)
                m_clientPoint[i] = majority;
            // Samples were noted as "from the client"; make that "from point 0".
            for (std::size_t k = m_sampleRanges[i].first; k < m_sampleRanges[i].second; ++k)
                m_samples[k].fromPoint0 = m_samples[k].fromPoint0 == (m_clientPoint[i] == 0);
        }
    }

    void fixOffset() {
        const std::vector<OffsetSample>& all = m_samples;
        std::vector<std::string> notes;
        ClockOffset offset = estimateClockOffset(all, notes);
        if (m_options.knownOffset) {
            const TimeNs known = *m_options.knownOffset;
            if (!all.empty() && (known < offset.lowerBound || known > offset.upperBound))
                m_result.notes.push_back(
                    "the given offset lies outside the bound the packets allow (" +
                    formatSeconds(offset.lowerBound) + " to " + formatSeconds(offset.upperBound) +
                    " s)");
            offset.estimate = known;
            offset.driftPpm = 0;
            offset.driftKnown = false;
            offset.userGiven = true;
            if (all.empty())
                offset.lowerBound = offset.upperBound = known;
        } else {
            m_result.notes.insert(m_result.notes.end(), notes.begin(), notes.end());
        }
        m_result.offset = offset;
    }

    void collect(const ConnectionMatch& match) {
        collectPackets(m_points, match, m_epochShift, m_scratch.packets);
        for (int point = 0; point < 2; ++point)
            for (const Side side : {kSideA, kSideB})
                numberOrder(m_scratch.packets[point][side], m_scratch.orders[point][side]);
    }

    // Point 1's times on point 0's clock.
    void correct(std::vector<PointPacket>& packets) const {
        for (PointPacket& p : packets)
            p.time -= m_result.offset.at(p.time);
    }

    MergedConnection mergeConnection(const ConnectionMatch& match) {
        const std::size_t row = static_cast<std::size_t>(&match - m_matches.data());
        MergedConnection merged;
        merged.connection = match.connection;
        merged.method = match.method;
        if (match.method == MatchMethod::Unmatched) {
            collectPackets(m_points, match, m_epochShift, m_scratch.packets);
            ConnectionPackets& packets = m_scratch.packets;
            for (auto& list : packets[1])
                correct(list);
            const int point = match.connection[0] >= 0 ? 0 : 1;
            merged.packets.reserve(packets[point][kSideA].size() + packets[point][kSideB].size());
            for (const Side side : {kSideA, kSideB}) {
                for (const PointPacket& p : packets[point][side]) {
                    MergedPacket packet;
                    packet.sender = side;
                    packet.index[point] = p.index;
                    packet.time[point] = p.time;
                    merged.packets.push_back(packet);
                }
            }
            sortBySenderTime(merged, [point](const MergedPacket&) { return point; });
            return merged;
        }
        collect(match);
        ConnectionPackets& packets = m_scratch.packets;
        for (auto& list : packets[1])
            correct(list);
        merged.packets.reserve(packets[0][kSideA].size() + packets[0][kSideB].size() +
                               packets[1][kSideA].size() / 64 + 8);
        merged.clientPoint = m_clientPoint[row];
        const Side client = firstSeen(m_points, match).clientSide();
        const auto senderPoint = [&](Side side) {
            return side == client ? merged.clientPoint : 1 - merged.clientPoint;
        };
        const TimeNs slack = m_result.offset.uncertainty() + kPairingSlack;
        for (const Side side : {kSideA, kSideB}) {
            const int from = senderPoint(side);
            const auto& sent = packets[from][side];
            const auto& received = packets[1 - from][side];
            tellFates(sent, received,
                      pairPackets(sent, m_scratch.orders[from][side], received,
                                  m_scratch.orders[1 - from][side], slack),
                      from, side, m_captured, merged.packets);
        }
        sortBySenderTime(merged, [&](const MergedPacket& p) {
            const int from = senderPoint(p.sender);
            return p.seenAt(from) ? from : 1 - from;
        });
        summarize(merged, senderPoint);
        return merged;
    }

    template <typename PointOf>
    static void sortBySenderTime(MergedConnection& merged, PointOf pointOf) {
        std::stable_sort(merged.packets.begin(), merged.packets.end(),
                         [&](const MergedPacket& a, const MergedPacket& b) {
                             return a.time[pointOf(a)] < b.time[pointOf(b)];
                         });
    }

    template <typename SenderPoint>
    static void summarize(MergedConnection& merged, SenderPoint senderPoint) {
        std::array<std::vector<TimeNs>, 2> delays;
        for (const MergedPacket& p : merged.packets) {
            if (p.fate == PacketFate::LostBetween)
                ++merged.lostBetween[p.sender];
            else if (p.fate == PacketFate::OnlyAtReceiver)
                ++merged.onlyAtReceiver[p.sender];
            else if (p.seenAt(0) && p.seenAt(1)) {
                const int from = senderPoint(p.sender);
                delays[p.sender].push_back(p.time[1 - from] - p.time[from]);
            }
        }
        for (const Side side : {kSideA, kSideB})
            merged.oneWayDelay[side] = delayStats(std::move(delays[side]));
    }

    void noteOnePointConnections() {
        std::uint64_t only[2] = {0, 0};
        for (const MergedConnection& c : m_result.connections) {
            if (!c.bothSides())
                ++only[c.connection[0] >= 0 ? 0 : 1];
        }
        for (int point = 0; point < 2; ++point) {
            if (only[point])
                m_result.notes.push_back(std::to_string(only[point]) +
                                         " connections seen at point " + std::to_string(point) +
                                         " only");
        }
    }

    MergeOptions m_options;
    std::array<const LoadedCapture*, 2> m_points;
    TimeNs m_epochShift;
    std::vector<ConnectionMatch> m_matches;
    std::vector<int> m_clientPoint;
    std::vector<OffsetSample> m_samples;
    std::vector<std::pair<std::size_t, std::size_t>> m_sampleRanges; // per match, in m_samples
    // One connection's packets at a time, collected once for the offset and
    // again for the pairing: reused lists cost less than keeping them all.
    struct Collected {
        ConnectionPackets packets;
        std::array<std::array<NumberOrder, 2>, 2> orders; // [point][side]
    };
    Collected m_scratch;
    std::array<CaptureSpan, 2> m_captured; // when each point's capture ran
    MergedCapture m_result;
};

} // namespace

Result<MergedCapture> mergeCaptures(std::shared_ptr<const LoadedCapture> first,
                                    std::shared_ptr<const LoadedCapture> second,
                                    const MergeOptions& options) {
    if (!first || !second)
        return Error{"two captures are needed to merge"};
    return Merger(std::move(first), std::move(second), options).run();
}

} // namespace tcpladder
