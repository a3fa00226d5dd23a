#pragma once

#include "generator_options.h"
#include "packet_spec.h"
#include "random.h"

#include <cstdint>

namespace tcpladder::bench {

// Decides each connection's size and impairments in index order. Sizes are drawn around the
// packets still unspent divided by the connections still to come, so the capture lands on
// --packets (the last connection is fitted exactly where its size allows) without knowing in
// advance how many duplicate ACKs and retransmissions each connection will produce.
class ConnectionPlanner {
public:
    explicit ConnectionPlanner(const GeneratorOptions& options);

    bool done() const { return m_nextIndex >= m_options.connections; }
    Connection next(std::int64_t startNs);

private:
    ConnectionPlan plan(std::int64_t targetPackets, std::int64_t startNs) const;
    Connection fitLast(std::int64_t packets, std::int64_t startNs) const;
    std::uint32_t bodyForPackets(std::int64_t packets) const;

    GeneratorOptions m_options;
    std::uint64_t m_nextIndex = 0;
    std::int64_t m_plannedPackets = 0;
};

} // namespace tcpladder::bench
