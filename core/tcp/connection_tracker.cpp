#include "tcp/connection_tracker.h"

#include "common/block_table.h"
#include "common/vector_growth.h"
#include "tcp/flow_key.h"
#include "tcp/flow_table.h"
#include "tcp/sequence_analysis.h"

#include <utility>

namespace tcpladder {

namespace {

std::uint16_t publicFlags(std::uint16_t events) {
    static constexpr std::pair<std::uint16_t, std::uint16_t> kMap[] = {
        {kEvAckLostSegment, kAckLostSegment},
        {kEvDupAck, kDupAck},
        {kEvKeepAlive, kKeepAlive},
        {kEvLostSegment, kLostSegment},
        {kEvOutOfOrder, kOutOfOrder},
        {kEvWindowFull, kWindowFull},
        {kEvWindowUpdate, kWindowUpdate},
        {kEvZeroWindow, kZeroWindow},
        // Wireshark also reports every fast and spurious retransmission as a
        // plain retransmission.
        {kEvRetransmission, kRetransmission},
        {kEvFastRetransmission, kFastRetransmission | kRetransmission},
        {kEvSpuriousRetransmission, kSpuriousRetransmission | kRetransmission},
    };
    std::uint16_t flags = 0;
    for (const auto& [event, flag] : kMap) {
        if (events & event) {
            flags |= flag;
        }
    }
    return flags;
}

bool sameEndpoint(const Endpoint& endpoint, const IpAddress& address, std::uint16_t port) {
    return endpoint.port == port && endpoint.address == address;
}

} // namespace

struct ConnectionTracker::State {
    FlowTable flows;
    // Parallel to m_connections.
    BlockTable<SequenceAnalysis> analyses;
};

ConnectionTracker::ConnectionTracker() : m_state(new State) {}

ConnectionTracker::~ConnectionTracker() {
    delete m_state;
}

std::vector<Connection> ConnectionTracker::takeConnections() {
    for (std::size_t i = 0; i < m_connections.size(); ++i) {
        for (const Side side : {kSideA, kSideB})
            m_connections[i].baseSeq[side] = m_state->analyses[i].direction(side).baseSeq;
    }
    std::vector<Connection> taken;
    taken.swap(m_connections);
    *m_state = State{};
    return taken;
}

std::size_t ConnectionTracker::memoryBytes() const {
    return m_connections.capacity() * sizeof(Connection) + m_state->analyses.memoryBytes() +
           m_state->flows.memoryBytes();
}

TrackedSegment ConnectionTracker::add(const IpAddress& src, const IpAddress& dst,
                                      const TcpSegment& segment, TimeNs time, std::uint64_t frame) {
    const std::uint64_t hash =
        hashFlowKey(FlowKey::make(src, segment.srcPort, dst, segment.dstPort));
    const FlowTable::Lookup lookup = m_state->flows.find(hash, [&](std::uint32_t index) {
        const Connection& c = m_connections[index];
        return (sameEndpoint(c.endpoints[kSideA], src, segment.srcPort) &&
                sameEndpoint(c.endpoints[kSideB], dst, segment.dstPort)) ||
               (sameEndpoint(c.endpoints[kSideA], dst, segment.dstPort) &&
                sameEndpoint(c.endpoints[kSideB], src, segment.srcPort));
    });

    std::uint32_t index = lookup.connection;
    Side side = kSideA;
    if (lookup.found) {
        // When both endpoints are equal every packet counts as side A, as in
        // Wireshark, where such a conversation has a single direction.
        side = sameEndpoint(m_connections[index].endpoints[kSideA], src, segment.srcPort) ? kSideA
                                                                                          : kSideB;
    }
    if (!lookup.found || m_state->analyses[index].startsNewConnection(side, segment)) {
        index = static_cast<std::uint32_t>(m_connections.size());
        side = kSideA;
        Connection& fresh = m_connections.emplace_back();
        fresh.id = index;
        fresh.endpoints[kSideA] = Endpoint{src, segment.srcPort};
        fresh.endpoints[kSideB] = Endpoint{dst, segment.dstPort};
        fresh.firstFrame = frame;
        fresh.firstTime = time;
        m_state->analyses.emplace_back();
        m_state->flows.assign(lookup, hash, index);
    }

    Connection& connection = m_connections[index];
    connection.lastFrame = frame;
    connection.lastTime = time;
    ++connection.packets[side];
    connection.payloadBytes[side] += segment.payloadLength;
    if ((segment.flags & (kSyn | kAck)) == kSyn && connection.firstSynSender < 0) {
        connection.firstSynSender = static_cast<std::int8_t>(side);
    }
    if ((segment.flags & (kSyn | kAck)) == (kSyn | kAck) && connection.firstSynAckSender < 0) {
        connection.firstSynAckSender = static_cast<std::int8_t>(side);
    }

    const SegmentAnalysis analysis = m_state->analyses[index].add(side, segment, time);
    TrackedSegment tracked;
    tracked.connection = index;
    tracked.side = side;
    tracked.relativeSeq = analysis.relativeSeq;
    tracked.relativeAck = analysis.relativeAck;
    tracked.window = analysis.window;
    tracked.windowShift = analysis.windowShift;
    tracked.analysis = publicFlags(analysis.events);
    return tracked;
}

} // namespace tcpladder
