#include "merge/merged_capture.h"

#include "merge/clock_offset.h"
#include "merge/connection_matcher.h"
#include "merge/delay_stats.h"
#include "merge/packet_fate.h"
#include "merge/packet_matcher.h"

#include <algorithm>
#include <limits>
#include <thread>

namespace tcpladder {
namespace {

// Beyond the offset's uncertainty, room for the rounding of microsecond files.
constexpr TimeNs kPairingSlack = 100'000;

// Reorders `values`.
TimeNs median(std::vector<TimeNs>& values) {
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

// Below this many packets a second thread costs more than it saves.
constexpr std::uint64_t kPacketsWorthAThread = 20000;

// The packets whose connections bound the clock offset: a sample of the
// connections beyond this (every n-th, so spread over the capture) bounds it
// as well as all of them would, at a fraction of the cost; each connection
// still pairs all its packets.
constexpr std::uint64_t kOffsetPackets = 400000;

// One connection's packets at a time, collected once for the offset and
// again for the pairing: reused lists cost less than keeping them all.
struct Collected {
    ConnectionPackets packets;
    std::array<std::array<NumberOrder, 2>, 2> orders; // [point][side]
    std::vector<MergedPacket> merged; // handed over, or kept for the next connection
    std::array<std::vector<TimeNs>, 2> delays;
    std::vector<TimePair> pairs;
    std::array<std::vector<TimeNs>, 2> differences;
    DirectionPairs partners;
    IdenticalRuns runs;
};

// Re-reads copies from the two points' files for their identities.
class RereadIdentities final : public CopyIdentities {
public:
    RereadIdentities(const LoadedCapture& sender, std::uint32_t senderConnection,
                     const LoadedCapture& receiver, std::uint32_t receiverConnection)
        : m_sender(sender), m_receiver(receiver), m_senderConnection(senderConnection),
          m_receiverConnection(receiverConnection) {}

    std::optional<CopyIdentity> sent(const PointPacket& packet) override {
        return readCopyIdentity(m_sender, m_senderConnection, packet.index);
    }
    std::optional<CopyIdentity> received(const PointPacket& packet) override {
        return readCopyIdentity(m_receiver, m_receiverConnection, packet.index);
    }
    bool available() const override { return rereadable(m_sender) && rereadable(m_receiver); }

private:
    static bool rereadable(const LoadedCapture& capture) {
        return !capture.files.empty() &&
               std::all_of(capture.files.begin(), capture.files.end(),
                           [](const CaptureFile& file) { return file.rereader != nullptr; });
    }

    const LoadedCapture& m_sender;
    const LoadedCapture& m_receiver;
    std::uint32_t m_senderConnection;
    std::uint32_t m_receiverConnection;
};

// What each of the two threads works with.
struct Worker {
    Collected scratch;
    std::vector<OffsetSample> samples;
    int votes[2] = {0, 0};
};

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
        splitWork();
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
        m_result.connections.resize(m_matches.size());
        inTwo([this](Worker& worker, std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i)
                m_result.connections[i] = mergeConnection(i, worker.scratch);
        });
        for (const Worker& worker : m_workers)
            m_result.identicalRuns += worker.scratch.runs;
        noteRunsPlacedByTiming();
        std::stable_sort(m_result.connections.begin(), m_result.connections.end(),
                         [](const MergedConnection& a, const MergedConnection& b) {
                             return a.firstTime < b.firstTime;
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
        m_workers[0].samples.reserve(
            std::min(m_points[0]->packets.totalPackets(), m_points[1]->packets.totalPackets()));
        inTwo([this](Worker& worker, std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i)
                findClientPoint(worker, i);
        });
        const int majority = m_workers[1].votes[1] + m_workers[0].votes[1] >
                                     m_workers[1].votes[0] + m_workers[0].votes[0]
                                 ? 1
                                 : 0;
        m_majority = majority;
        for (std::size_t i = 0; i < m_matches.size(); i += m_offsetStride) {
            if (m_matches[i].connection[0] < 0 || m_matches[i].connection[1] < 0)
                continue;
            if (m_clientPoint[i] < 0)
                m_clientPoint[i] = majority;
            // Samples were noted as "from the client"; make that "from point 0".
            std::vector<OffsetSample>& samples =
                m_workers[m_split != 0 && i >= m_split ? 1 : 0].samples;
            for (std::size_t k = m_sampleRanges[i].first; k < m_sampleRanges[i].second; ++k)
                samples[k].fromPoint0 = samples[k].fromPoint0 == (m_clientPoint[i] == 0);
        }
        m_workers[0].samples.insert(m_workers[0].samples.end(), m_workers[1].samples.begin(),
                                    m_workers[1].samples.end());
        m_workers[1].samples = {};
    }

    void findClientPoint(Worker& worker, std::size_t i) {
        const ConnectionMatch& match = m_matches[i];
        if (match.connection[0] < 0 || match.connection[1] < 0 || i % m_offsetStride != 0)
            return;
        collect(match, worker.scratch);
        m_sampleRanges[i].first = worker.samples.size();
        m_clientPoint[i] = ownClientPoint(match, worker.scratch, &worker.samples);
        m_sampleRanges[i].second = worker.samples.size();
        if (m_clientPoint[i] >= 0)
            ++worker.votes[m_clientPoint[i]];
    }

    // The point nearer the client from the connection's own packets seen at
    // both points, or -1 when they travelled one way only. Adds them to
    // `samples` (as "from the client"), when given.
    int ownClientPoint(const ConnectionMatch& match, Collected& scratch,
                       std::vector<OffsetSample>* samples) const {
        const ConnectionPackets& packets = scratch.packets;
        const Side client = firstSeen(m_points, match).clientSide();
        for (const Side side : {kSideA, kSideB}) {
            scratch.differences[side].clear();
            uniquePairs(packets[0][side], scratch.orders[0][side], packets[1][side],
                        scratch.orders[1][side], scratch.pairs);
            for (const TimePair& pair : scratch.pairs) {
                scratch.differences[side].push_back(pair.at1 - pair.at0);
                if (samples)
                    samples->push_back({pair.at0, pair.at1 - pair.at0, side == client});
            }
        }
        const Side server = client == kSideA ? kSideB : kSideA;
        if (scratch.differences[client].empty() || scratch.differences[server].empty())
            return -1;
        return median(scratch.differences[client]) >= median(scratch.differences[server]) ? 0 : 1;
    }

    // Runs fn(worker, begin, end) over the matches, split in two halves of
    // about equal packets on two threads when there is enough to share.
    template <typename Fn> void inTwo(Fn&& fn) {
        if (m_split == 0 || m_split >= m_matches.size()) {
            fn(m_workers[0], 0, m_matches.size());
            return;
        }
        std::thread second([&] { fn(m_workers[1], m_split, m_matches.size()); });
        fn(m_workers[0], 0, m_split);
        second.join();
    }

    // Where the second half of the work begins; 0 when one thread will do.
    void splitWork() {
        std::uint64_t total = 0;
        std::vector<std::uint64_t> before(m_matches.size());
        for (std::size_t i = 0; i < m_matches.size(); ++i) {
            before[i] = total;
            for (int point = 0; point < 2; ++point)
                if (m_matches[i].connection[point] >= 0)
                    total += m_points[point]->packets.packetCount(
                        static_cast<std::uint32_t>(m_matches[i].connection[point]));
        }
        m_offsetStride = std::max<std::uint64_t>(1, total / kOffsetPackets);
        m_split = 0;
        if (total < kPacketsWorthAThread)
            return;
        while (m_split < m_matches.size() && before[m_split] < total / 2)
            ++m_split;
    }

    void fixOffset() {
        const std::vector<OffsetSample>& all = m_workers[0].samples;
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

    void collect(const ConnectionMatch& match, Collected& scratch) const {
        collectPackets(m_points, match, m_epochShift, scratch.packets);
        for (int point = 0; point < 2; ++point)
            for (const Side side : {kSideA, kSideB})
                numberOrder(scratch.packets[point][side], scratch.orders[point][side]);
    }

    // Point 1's times on point 0's clock.
    void correct(std::vector<PointPacket>& packets) const {
        for (PointPacket& p : packets)
            p.time -= m_result.offset.at(p.time);
    }

    MergedConnection mergeConnection(std::size_t row, Collected& scratch) {
        const ConnectionMatch& match = m_matches[row];
        MergedConnection merged;
        merged.connection = match.connection;
        merged.method = match.method;
        merged.packets.swap(scratch.merged);
        merged.packets.clear();
        fillConnection(merged, match, row, scratch);
        merged.firstTime = std::numeric_limits<TimeNs>::max();
        for (const MergedPacket& p : merged.packets)
            merged.firstTime = std::min(merged.firstTime, p.time[p.seenAt(0) ? 0 : 1]);
        if (!m_options.keepPackets)
            merged.packets.swap(scratch.merged);
        return merged;
    }

    void fillConnection(MergedConnection& merged, const ConnectionMatch& match, std::size_t row,
                        Collected& scratch) const {
        if (match.method == MatchMethod::Unmatched) {
            collectPackets(m_points, match, m_epochShift, scratch.packets);
            ConnectionPackets& packets = scratch.packets;
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
            if (m_options.keepPackets)
                sortBySenderTime(merged, [point](const MergedPacket&) { return point; });
            return;
        }
        collect(match, scratch);
        ConnectionPackets& packets = scratch.packets;
        for (auto& list : packets[1])
            correct(list);
        merged.packets.reserve(packets[0][kSideA].size() + packets[0][kSideB].size() +
                               packets[1][kSideA].size() / 64 + 8);
        merged.clientPoint = m_clientPoint[row];
        if (merged.clientPoint < 0) {
            const int own = ownClientPoint(match, scratch, nullptr);
            merged.clientPoint = own >= 0 ? own : m_majority;
        }
        const Side client = firstSeen(m_points, match).clientSide();
        const auto senderPoint = [&](Side side) {
            return side == client ? merged.clientPoint : 1 - merged.clientPoint;
        };
        const TimeNs slack = m_result.offset.uncertainty() + kPairingSlack;
        for (const Side side : {kSideA, kSideB}) {
            const int from = senderPoint(side);
            const auto& sent = packets[from][side];
            const auto& received = packets[1 - from][side];
            const NumberOrder& orderSent = scratch.orders[from][side];
            const NumberOrder& orderReceived = scratch.orders[1 - from][side];
            RereadIdentities identities(
                *m_points[from], static_cast<std::uint32_t>(match.connection[from]),
                *m_points[1 - from], static_cast<std::uint32_t>(match.connection[1 - from]));
            pairPackets(sent, orderSent, received, orderReceived, slack, &identities, scratch.runs,
                        scratch.partners);
            tellFates(sent, received, scratch.partners, from, side, m_captured, merged.packets);
        }
        // The figures do not depend on the packets' order: only a merge that
        // keeps them sorts them.
        if (m_options.keepPackets)
            sortBySenderTime(merged, [&](const MergedPacket& p) {
                const int from = senderPoint(p.sender);
                return p.seenAt(from) ? from : 1 - from;
            });
        summarize(merged, senderPoint, scratch.delays);
    }

    // Stable. The packets come as a few runs already in time order (each
    // direction's packets at its sender-side point, then those seen at its
    // receiver-side point only): merging the runs one after the other costs
    // n per run where sorting costs n log n. Many runs (a clock that often
    // steps back) are sorted.
    template <typename PointOf>
    static void sortBySenderTime(MergedConnection& merged, PointOf pointOf) {
        constexpr std::size_t kMostRuns = 8;
        const auto earlier = [&](const MergedPacket& a, const MergedPacket& b) {
            return a.time[pointOf(a)] < b.time[pointOf(b)];
        };
        std::vector<MergedPacket>& packets = merged.packets;
        std::array<std::vector<MergedPacket>::iterator, kMostRuns> ends{};
        std::size_t runs = 0;
        for (auto end = packets.begin(); end != packets.end() && runs < kMostRuns; ++runs) {
            end = std::is_sorted_until(end, packets.end(), earlier);
            ends[runs] = end;
        }
        if (runs == kMostRuns && ends[runs - 1] != packets.end()) {
            std::stable_sort(packets.begin(), packets.end(), earlier);
            return;
        }
        for (std::size_t run = 1; run < runs; ++run)
            std::inplace_merge(packets.begin(), ends[run - 1], ends[run], earlier);
    }

    template <typename SenderPoint>
    static void summarize(MergedConnection& merged, SenderPoint senderPoint,
                          std::array<std::vector<TimeNs>, 2>& delays) {
        for (auto& list : delays)
            list.clear();
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
            merged.oneWayDelay[side] = delayStats(delays[side]);
    }

    // The runs whose lost copy the copies' identities could not name.
    void noteRunsPlacedByTiming() {
        const IdenticalRuns& runs = m_result.identicalRuns;
        if (runs.ambiguous > runs.toldApart)
            m_result.notes.push_back(
                std::to_string(runs.ambiguous - runs.toldApart) +
                " runs of identical packets lack a copy at one point that only the delays could "
                "name (the files cannot be read again, or IP ID and TSval do not tell the copies "
                "apart): the count is right, the copy named may not be");
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
    // Per match, its samples' positions in its worker's list.
    std::vector<std::pair<std::size_t, std::size_t>> m_sampleRanges;
    std::array<Worker, 2> m_workers;
    std::size_t m_split = 0;
    // Every how many'th connection bounds the offset (all, unless there are many).
    std::uint64_t m_offsetStride = 1;
    int m_majority = 0;                    // the point nearer most clients
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
