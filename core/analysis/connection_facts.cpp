#include "analysis/connection_facts.h"

#include <algorithm>
#include <numeric>
#include <span>

namespace tcpladder {
namespace {

constexpr std::size_t kCheckInterval = 4096;

// The median of `sorted` without one element equal to `own` (none: all of them).
std::optional<TimeNs> medianOfOthers(const std::vector<TimeNs>& sorted, std::optional<TimeNs> own) {
    const std::size_t skip =
        own ? static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), *own) -
                                       sorted.begin())
            : sorted.size();
    const std::size_t count = own ? sorted.size() - 1 : sorted.size();
    if (count == 0)
        return std::nullopt;
    const auto at = [&](std::size_t k) { return sorted[k < skip ? k : k + 1]; };
    if (count % 2 == 1)
        return at(count / 2);
    return at(count / 2 - 1) + (at(count / 2) - at(count / 2 - 1)) / 2;
}

struct SortedValues {
    std::vector<TimeNs> rtts;
    std::vector<TimeNs> ttfbs;

    template <typename Ids>
    void collect(const std::vector<ConnectionFacts>& facts, const Ids& ids) {
        rtts.clear();
        ttfbs.clear();
        for (std::uint32_t id : ids) {
            const ConnectionSummary& summary = facts[id].summary;
            if (const auto rtt = summary.handshakeRtt())
                rtts.push_back(*rtt);
            if (summary.timeToFirstServerByte)
                ttfbs.push_back(*summary.timeToFirstServerByte);
        }
        std::sort(rtts.begin(), rtts.end());
        std::sort(ttfbs.begin(), ttfbs.end());
    }
};

// Peers are the other connections to the same server; where none of them has
// the value, the capture's other connections stand in, so that the one
// connection to a distant server is not slow merely for being alone.
void fillPeerMedians(const LoadedCapture& capture, std::vector<ConnectionFacts>& facts) {
    std::vector<std::uint32_t> order(capture.connections.size());
    std::iota(order.begin(), order.end(), 0u);
    SortedValues everyone;
    everyone.collect(facts, order);
    const auto serverOf = [&](std::uint32_t id) -> const Endpoint& {
        return capture.connections[id].server();
    };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Endpoint& x = serverOf(a);
        const Endpoint& y = serverOf(b);
        return x.address != y.address ? x.address < y.address : x.port < y.port;
    });
    SortedValues group;
    for (std::size_t begin = 0; begin < order.size();) {
        std::size_t end = begin + 1;
        while (end < order.size() && serverOf(order[end]) == serverOf(order[begin]))
            ++end;
        const std::span<const std::uint32_t> members(order.data() + begin, end - begin);
        group.collect(facts, members);
        for (std::uint32_t id : members) {
            ConnectionFacts& fact = facts[id];
            const auto rtt = fact.summary.handshakeRtt();
            const auto& ttfb = fact.summary.timeToFirstServerByte;
            fact.peerMedianRtt = medianOfOthers(group.rtts, rtt);
            if (!fact.peerMedianRtt)
                fact.peerMedianRtt = medianOfOthers(everyone.rtts, rtt);
            fact.peerMedianTtfb = medianOfOthers(group.ttfbs, ttfb);
            if (!fact.peerMedianTtfb)
                fact.peerMedianTtfb = medianOfOthers(everyone.ttfbs, ttfb);
        }
        begin = end;
    }
}

// Each request is judged against the other requests to its server, as a
// connection is against the other connections.
void fillRequestPeers(const LoadedCapture& capture, std::vector<ConnectionFacts>& facts) {
    // Each summary is decoded once: its waits go to one flat list, its
    // candidates to its facts.
    struct Requests {
        std::uint32_t id;
        std::size_t begin, end; // its waits in `waits`
    };
    std::vector<Requests> withWaits;
    std::vector<TimeNs> waits;
    for (std::uint32_t id = 0; id < facts.size(); ++id) {
        auto app = capture.application(id);
        if (!app || app->waits.empty())
            continue;
        withWaits.push_back({id, waits.size(), waits.size() + app->waits.size()});
        waits.insert(waits.end(), app->waits.begin(), app->waits.end());
        facts[id].requestCandidates = std::move(app->risingWaits);
    }
    std::vector<TimeNs> everyone = waits;
    std::sort(everyone.begin(), everyone.end());
    const auto serverOf = [&](const Requests& r) -> const Endpoint& {
        return capture.connections[r.id].server();
    };
    std::sort(withWaits.begin(), withWaits.end(), [&](const Requests& a, const Requests& b) {
        const Endpoint& x = serverOf(a);
        const Endpoint& y = serverOf(b);
        return x.address != y.address ? x.address < y.address : x.port < y.port;
    });
    std::vector<TimeNs> group;
    for (std::size_t begin = 0; begin < withWaits.size();) {
        std::size_t end = begin + 1;
        while (end < withWaits.size() && serverOf(withWaits[end]) == serverOf(withWaits[begin]))
            ++end;
        group.clear();
        for (std::size_t k = begin; k < end; ++k)
            group.insert(group.end(), waits.begin() + static_cast<long>(withWaits[k].begin),
                         waits.begin() + static_cast<long>(withWaits[k].end));
        std::sort(group.begin(), group.end());
        for (std::size_t k = begin; k < end; ++k) {
            ConnectionFacts& fact = facts[withWaits[k].id];
            for (const HttpExchange& exchange : fact.requestCandidates) {
                auto median = medianOfOthers(group, exchange.wait);
                if (!median)
                    median = medianOfOthers(everyone, exchange.wait);
                fact.requestPeerMedians.push_back(median);
            }
        }
        begin = end;
    }
}

} // namespace

std::optional<std::vector<ConnectionFacts>>
computeConnectionFacts(const LoadedCapture& capture,
                       const std::function<bool(std::size_t done)>& keepGoing) {
    std::vector<ConnectionFacts> facts(capture.connections.size());
    for (std::uint32_t id = 0; id < facts.size(); ++id) {
        if (id % kCheckInterval == 0 && keepGoing && !keepGoing(id))
            return std::nullopt;
        facts[id].summary = summarizeConnection(capture, id);
    }
    fillPeerMedians(capture, facts);
    fillRequestPeers(capture, facts);
    return facts;
}

} // namespace tcpladder
