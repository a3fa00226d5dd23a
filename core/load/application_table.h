#pragma once

#include "common/time_ns.h"
#include "decode/decode_context.h"
#include "messages/application_summarizer.h"
#include "store/application_summaries.h"
#include "tcp/flow_key.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace tcpladder {

// The application summaries of a load, worked out on the reading thread
// where each packet's payload bytes still are (the tracker's thread only
// sees headers). Flows are keyed by their 4-tuple; a SYN after data or a
// close starts a new flow, as a new connection on a reused 4-tuple does.
// Each flow's frame-by-frame state is dropped once it can change nothing
// more (its protocol read, or both sides closed), and its summary is kept
// encoded from then on.
class ApplicationTable {
public:
    static constexpr std::uint32_t kNoFlow = UINT32_MAX;

    // Reading thread. Returns the flow the segment belongs to.
    std::uint32_t add(const DecodedTcp& tcp, TimeNs time, std::uint64_t frame);
    // After the reading thread ended: the summaries, connection `id` getting
    // that of flow `connectionFlows[id]` (a flow two connections share gives
    // it to the first only). Leaves the table empty.
    ApplicationSummaries finish(const std::vector<std::uint32_t>& connectionFlows);
    // Any thread: what the table holds, for the load's memory budget.
    std::size_t memoryBytes() const { return m_memory.load(std::memory_order_relaxed); }

private:
    struct Flow {
        bool lowSentFirst = true;
        bool sawData = false;
        std::uint8_t closed = 0; // bit per side: FIN or RST seen
        bool taken = false;
        std::unique_ptr<ApplicationSummarizer> live;
        ApplicationSummaries::Ref summary;
    };
    struct KeyHash {
        std::size_t operator()(const FlowKey& key) const { return hashFlowKey(key); }
    };

    void settle(Flow& flow);
    void updateMemory();

    std::unordered_map<FlowKey, std::uint32_t, KeyHash> m_index;
    std::vector<Flow> m_flows;
    ApplicationSummaries m_summaries;
    std::atomic<std::size_t> m_memory = 0;
};

} // namespace tcpladder
