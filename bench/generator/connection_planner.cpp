#include "connection_planner.h"

#include "connection_simulator.h"

#include <algorithm>
#include <cstdlib>

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

std::int64_t finalStretch(std::uint64_t connections) {
    return std::max<std::int64_t>(16, static_cast<std::int64_t>(connections / 50));
}

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
    plan.quickClose = random.chance(0.3);
    return plan;
}

Connection ConnectionPlanner::fitLast(std::int64_t packets, std::int64_t startNs) const {
    // A few refits are cheap next to the whole capture. Body sizes move the count in steps of
    // one or two packets; the two ways of closing differ by one, which fills the gaps.
    Connection best;
    std::int64_t bestMiss = 0;
    std::int64_t target = std::max<std::int64_t>(packets, 1);
    for (int attempt = 0; attempt < 16 && (best.packets.empty() || bestMiss != 0); ++attempt) {
        std::int64_t miss = 0;
        for (const bool quickClose : {false, true}) {
            ConnectionPlan candidatePlan = plan(target, startNs);
            candidatePlan.quickClose = quickClose;
            candidatePlan.zeroWindow = false;
            Connection candidate = simulateConnection(candidatePlan);
            miss = packets - static_cast<std::int64_t>(candidate.packets.size());
            if (best.packets.empty() || std::llabs(miss) < std::llabs(bestMiss)) {
                best = std::move(candidate);
                bestMiss = miss;
            }
        }
        target = std::max<std::int64_t>(target + miss, 1);
    }
    return best;
}

Connection ConnectionPlanner::next(std::int64_t startNs) {
    const auto remainingConnections =
        static_cast<std::int64_t>(m_options.connections - m_nextIndex);
    const std::int64_t remainingPackets =
        static_cast<std::int64_t>(m_options.packets) - m_plannedPackets;
    const std::int64_t share = std::max<std::int64_t>(remainingPackets / remainingConnections, 1);

    Connection connection;
    if (remainingConnections > 1) {
        // The last few connections get no spread and no zero-window stall (which inflates a
        // body), so the budget can still be met when the draws before them ran long.
        const bool closing = remainingConnections <= finalStretch(m_options.connections);
        Random random(mixSeed(m_options.seed, m_nextIndex) ^ 0x73697a65ULL);
        const double spread = closing ? 1.0 : random.logUniform(spreadLow, spreadHigh) / spreadMean;
        ConnectionPlan nextPlan =
            plan(static_cast<std::int64_t>(static_cast<double>(share) * spread), startNs);
        nextPlan.zeroWindow = nextPlan.zeroWindow && !closing;
        connection = simulateConnection(nextPlan);
    } else {
        connection = fitLast(remainingPackets, startNs);
    }
    m_plannedPackets += static_cast<std::int64_t>(connection.packets.size());
    ++m_nextIndex;
    return connection;
}

} // namespace tcpladder::bench
