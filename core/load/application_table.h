#pragma once

#include "common/time_ns.h"
#include "decode/decode_context.h"
#include "messages/application_summarizer.h"
#include "tcp/flow_key.h"

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
// more (its protocol read, or both sides closed).
class ApplicationTable {
public:
    static constexpr std::uint32_t kNoFlow = UINT32_MAX;

    // Reading thread. Returns the flow the segment belongs to.
    std::uint32_t add(const DecodedTcp& tcp, TimeNs time, std::uint64_t frame);
    // After the reading thread ended: the flow's summary, or null when
    // nothing was recognised. Taking a flow twice gives null.
    std::shared_ptr<const ApplicationSummary> take(std::uint32_t flow);

private:
    struct Flow {
        bool lowSentFirst = true;
        bool sawData = false;
        std::uint8_t closed = 0; // bit per side: FIN or RST seen
        std::unique_ptr<ApplicationSummarizer> live;
        std::shared_ptr<const ApplicationSummary> summary;
    };
    struct KeyHash {
        std::size_t operator()(const FlowKey& key) const { return hashFlowKey(key); }
    };

    void settle(Flow& flow);

    std::unordered_map<FlowKey, std::uint32_t, KeyHash> m_index;
    std::vector<Flow> m_flows;
};

} // namespace tcpladder
