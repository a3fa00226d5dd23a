#include "load/application_table.h"

#include "common/vector_growth.h"
#include "tcp/connection.h"

namespace tcpladder {

std::uint32_t ApplicationTable::add(const DecodedTcp& tcp, TimeNs time, std::uint64_t frame) {
    const TcpSegment& segment = tcp.segment;
    const FlowKey key = FlowKey::make(tcp.src, segment.srcPort, tcp.dst, segment.dstPort);
    const bool fromLow = key.lowAddress == tcp.src && key.lowPort == segment.srcPort;
    auto [at, inserted] = m_index.try_emplace(key, static_cast<std::uint32_t>(m_flows.size()));
    const bool pureSyn = (segment.flags & (kSyn | kAck)) == kSyn;
    if (!inserted && pureSyn) {
        const Flow& old = m_flows[at->second];
        if (old.sawData || old.closed) {
            at->second = static_cast<std::uint32_t>(m_flows.size());
            inserted = true;
        }
    }
    if (inserted) {
        reserveGently(m_flows, m_flows.size() + 1);
        Flow& flow = m_flows.emplace_back();
        updateMemory();
        flow.lowSentFirst = fromLow;
        flow.live = std::make_unique<ApplicationSummarizer>();
        // Mid-connection, the tracker's port rule names the client.
        Connection ports;
        ports.endpoints[kSideA].port = segment.srcPort;
        ports.endpoints[kSideB].port = segment.dstPort;
        flow.live->guessClient(ports.clientSide());
    }
    const std::uint32_t id = at->second;
    Flow& flow = m_flows[id];
    const int side = fromLow == flow.lowSentFirst ? 0 : 1;
    flow.sawData = flow.sawData || segment.payloadLength > 0;
    if (flow.live) {
        flow.live->add(side, segment, {tcp.payload, tcp.payloadCaptured},
                       SummaryPacket::at(frame, time));
        // Data may still follow a RST in a capture; only both FINs end it.
        if (segment.flags & kFin)
            flow.closed |= static_cast<std::uint8_t>(1 << side);
        if (flow.live->done() || flow.closed == 3)
            settle(flow);
    }
    if (segment.flags & kRst)
        flow.closed = 3;
    return id;
}

void ApplicationTable::settle(Flow& flow) {
    const ApplicationSummary summary = flow.live->finish();
    flow.live.reset();
    if (summary.protocol) {
        flow.summary = m_summaries.add(summary);
        updateMemory();
    }
}

void ApplicationTable::updateMemory() {
    // The index's nodes: the key, the flow number, the cached hash and the link.
    constexpr std::size_t kIndexNode = sizeof(FlowKey) + 3 * sizeof(void*);
    m_memory.store(m_flows.capacity() * sizeof(Flow) + m_index.size() * kIndexNode +
                       m_index.bucket_count() * sizeof(void*) + m_summaries.memoryBytes(),
                   std::memory_order_relaxed);
}

ApplicationSummaries ApplicationTable::finish(const std::vector<std::uint32_t>& connectionFlows) {
    std::vector<ApplicationSummaries::Ref> refs(connectionFlows.size());
    for (std::size_t id = 0; id < connectionFlows.size(); ++id) {
        if (connectionFlows[id] >= m_flows.size())
            continue;
        Flow& flow = m_flows[connectionFlows[id]];
        if (flow.live)
            settle(flow);
        if (!flow.taken)
            refs[id] = flow.summary;
        flow.taken = true;
    }
    ApplicationSummaries summaries = std::move(m_summaries);
    summaries.setConnections(std::move(refs));
    m_index = decltype(m_index)();
    m_flows = std::vector<Flow>();
    m_summaries = ApplicationSummaries();
    updateMemory();
    return summaries;
}

} // namespace tcpladder
