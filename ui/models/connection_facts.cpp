#include "models/connection_facts.h"

#include "decode/tcp_segment.h"

#include <algorithm>
#include <numeric>
#include <span>

namespace tcpladder::ui {
namespace {

constexpr std::size_t kCheckInterval = 4096;

struct CloseFacts {
    std::uint64_t bytesBeforeClose = 0;
    TimeNs closeAfter = 0;
    ClientCut clientCut = ClientCut::No;
};

CloseFacts closeFacts(const LoadedCapture& capture, std::uint32_t id) {
    const Connection& connection = capture.connections[id];
    const Side client = connection.clientSide();
    const PacketStore& store = capture.packets;
    CloseFacts facts;
    bool closeSeen = false;
    bool clientFinFirst = false;
    bool clientPayload = false;
    bool serverPayload = false;
    bool serverPayloadBeforeFin = false;
    bool serverPayloadAfterFin = false;
    bool clientRst = false;
    for (std::size_t i = 0; i < store.packetCount(id); ++i) {
        const PacketRecord& packet = store.at(id, i);
        const bool fromClient = packet.side() == client;
        const std::uint8_t flags = packet.flags();
        if (packet.payloadLength() > 0) {
            (fromClient ? clientPayload : serverPayload) = true;
            if (!fromClient && clientFinFirst)
                serverPayloadAfterFin = true;
        }
        if (!closeSeen)
            facts.bytesBeforeClose += packet.payloadLength();
        if ((flags & kRst) && fromClient)
            clientRst = true;
        if ((flags & (kFin | kRst)) && !closeSeen) {
            closeSeen = true;
            facts.closeAfter = packet.time() - connection.firstTime;
            clientFinFirst = fromClient && !(flags & kRst);
            serverPayloadBeforeFin = serverPayload;
        }
    }
    if (clientRst)
        facts.clientCut = ClientCut::Reset;
    else if (clientFinFirst && serverPayloadAfterFin)
        facts.clientCut =
            serverPayloadBeforeFin ? ClientCut::FinMidAnswer : ClientCut::FinBeforeAnswer;
    else if (clientFinFirst && clientPayload && !serverPayload)
        facts.clientCut = ClientCut::FinBeforeAnswer;
    return facts;
}

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

} // namespace

std::optional<std::vector<ConnectionFacts>>
computeConnectionFacts(const LoadedCapture& capture,
                       const std::function<bool(std::size_t done)>& keepGoing) {
    std::vector<ConnectionFacts> facts(capture.connections.size());
    for (std::uint32_t id = 0; id < facts.size(); ++id) {
        if (id % kCheckInterval == 0 && keepGoing && !keepGoing(id))
            return std::nullopt;
        ConnectionFacts& fact = facts[id];
        fact.summary = summarizeConnection(capture, id);
        const CloseFacts close = closeFacts(capture, id);
        fact.bytesBeforeClose = close.bytesBeforeClose;
        fact.closeAfter = close.closeAfter;
        fact.clientCut = close.clientCut;
    }
    fillPeerMedians(capture, facts);
    return facts;
}

} // namespace tcpladder::ui
