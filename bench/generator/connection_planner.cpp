#include "connection_planner.h"

#include <algorithm>
#include <cstdlib>

#include "connection_simulator.h"

namespace tcpladder::bench {

namespace {

// Handshake, request, the server's FIN and the four-way close: the packets of a connection
// that do not scale with its size.
constexpr std::int64_t fixedPackets = 9;
// A data segment plus half a delayed ACK.
constexpr double packetsPerSegment = 1.5;
// Sizes spread over 1:50 around the target; dividing by the mean of that log-uniform draw
// keeps the target the average.
constexpr double spreadLow = 0.1;
constexpr double spreadHigh = 5.0;
constexpr double spreadMean = 1.2526;
constexpr std::uint32_t responseHeaderEstimate = 130;

} // namespace

ConnectionPlanner::ConnectionPlanner(const GeneratorOptions& options) : m_options(options) {}

std::uint32_t ConnectionPlanner::bodyForPackets(std::int64_t packets) const {
    const double segments =
        std::max(1.0, static_cast<double>(packets - fixedPackets) / packetsPerSegment);
    const double bytes = segments * m_options.payload - responseHeaderEstimate;
    return static_cast<std::uint32_t>(std::clamp(bytes, 1.0, 1e9));
}

ConnectionPlan ConnectionPlanner::plan(std::int64_t targetPackets, std::int64_t startNs) const {
    ConnectionPlan plan;
    plan.index = m_nextIndex;
    plan.seed = mixSeed(m_options.seed, m_nextIndex);
    plan.startNs = startNs;
    plan.bodyBytes = bodyForPackets(targetPackets);
    plan.segmentPayload = static_cast<std::uint16_t>(m_options.payload);
    plan.lossRate = m_options.loss;
    plan.reorderRate = m_options.reorder;
    Random random(plan.seed ^ 0x706c616eULL);
    plan.zeroWindow = random.chance(m_options.zeroWindow);
    plan.clientReset = random.chance(m_options.reset);
    return plan;
}

Connection ConnectionPlanner::next(std::int64_t startNs) {
    const auto remainingConnections =
        static_cast<std::int64_t>(m_options.connections - m_nextIndex);
    const std::int64_t remainingPackets =
        static_cast<std::int64_t>(m_options.packets) - m_plannedPackets;
    const std::int64_t share = std::max<std::int64_t>(remainingPackets / remainingConnections, 1);

    Connection connection;
    if (remainingConnections > 1) {
        Random random(mixSeed(m_options.seed, m_nextIndex) ^ 0x73697a65ULL);
        const double spread = random.logUniform(spreadLow, spreadHigh) / spreadMean;
        connection = simulateConnection(plan(static_cast<std::int64_t>(share * spread), startNs));
    } else {
        // A few refits are cheap next to the whole capture and usually hit the count exactly.
        std::int64_t target = share;
        for (int attempt = 0; attempt < 16; ++attempt) {
            Connection candidate = simulateConnection(plan(target, startNs));
            const auto miss =
                remainingPackets - static_cast<std::int64_t>(candidate.packets.size());
            const bool better =
                connection.packets.empty() ||
                std::llabs(miss) < std::llabs(remainingPackets - static_cast<std::int64_t>(
                                                                     connection.packets.size()));
            if (better) {
                connection = std::move(candidate);
            }
            if (miss == 0) {
                break;
            }
            target = std::max<std::int64_t>(target + miss, 1);
        }
    }
    m_plannedPackets += static_cast<std::int64_t>(connection.packets.size());
    ++m_nextIndex;
    return connection;
}

} // namespace tcpladder::bench
