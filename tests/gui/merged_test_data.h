#pragma once

// Merged captures built by hand for the views of two capture points: plain
// MergedCapture values, as the merge engine hands them over, with the
// one-point captures' records they point into.

#include "decode/tcp_segment.h"
#include "merge/merged_capture.h"
#include "tcp/analysis_flags.h"

#include <memory>
#include <vector>

namespace tcpladder::test {

constexpr TimeNs kMs = 1'000'000;

struct MergedStep {
    Side sender = kSideA; // kSideA is the client
    std::uint8_t flags = kAck;
    std::uint32_t seq = 0;
    std::uint32_t length = 0;
    TimeNs sent = -1;     // when it passed the sender-side point; -1: not seen there
    TimeNs received = -1; // when it passed the receiver-side point; -1: not seen there
    PacketFate fate = PacketFate::SeenAtBoth;
    bool disagrees = false;
    std::uint16_t receiverAnalysis = 0; // what the receiver-side capture alone called it
};

// Client 10.0.0.1:40000, server 10.0.0.2:80, one-way delay 10 ms each way,
// queueing to 15 ms on the fourth segment, the fifth segment (seq 1001)
// lost between the points and resent, and a server ACK seen only at the
// client-side point (the receiver side for it).
inline std::vector<MergedStep> lossyTransfer() {
    using F = PacketFate;
    return {
        {kSideA, kSyn, 0, 0, 0, 10 * kMs},
        {kSideB, kSyn | kAck, 0, 0, 10'100'000, 20'100'000},
        {kSideA, kAck, 1, 0, 20'200'000, 30'200'000},
        {kSideA, kPsh | kAck, 1, 1000, 20'300'000, 30'300'000},
        {kSideA, kPsh | kAck, 1001, 1000, 20'400'000, -1, F::LostBetween},
        {kSideA, kPsh | kAck, 2001, 1000, 20'500'000, 35'500'000},
        {kSideB, kAck, 1, 0, 36 * kMs, 46 * kMs},
        {kSideA, kPsh | kAck, 1001, 1000, 46'100'000, 60'100'000, F::ResentAfterLoss, true,
         kOutOfOrder},
        {kSideB, kAck, 1, 0, -1, 70 * kMs, F::OnlyAtReceiver},
    };
}

inline Connection makeConnection(std::uint32_t id, std::uint8_t lastOctet, std::uint16_t port) {
    Connection connection;
    connection.id = id;
    connection.endpoints[kSideA].address.bytes = {10, 0, 0, 1};
    connection.endpoints[kSideA].port = port;
    connection.endpoints[kSideB].address.bytes = {10, 0, 0, lastOctet};
    connection.endpoints[kSideB].port = 80;
    connection.firstSynSender = 0;
    return connection;
}

inline DelayStats delays(std::uint64_t samples, TimeNs min, TimeNs median, TimeNs p99) {
    DelayStats stats;
    stats.samples = samples;
    stats.min = min;
    stats.median = median;
    stats.p99 = p99;
    return stats;
}

// Three merged connections: 0 the lossy transfer at both points (its
// client-side point is `clientPoint`), 1 seen at point 2 only, 2 a clean
// exchange at both points with 30 ms delays.
inline std::shared_ptr<const MergedCapture> twoPointCapture(int clientPoint = 0) {
    std::array<std::shared_ptr<LoadedCapture>, 2> points{std::make_shared<LoadedCapture>(),
                                                         std::make_shared<LoadedCapture>()};
    points[0]->path = "client-side.pcap";
    points[1]->path = "server-side.pcapng";
    auto merged = std::make_shared<MergedCapture>();
    std::array<std::uint64_t, 2> frames{0, 0};
    const auto addConnection = [&](std::array<bool, 2> at, std::uint8_t lastOctet,
                                   std::uint16_t port, const std::vector<MergedStep>& steps) {
        MergedConnection mergedConnection;
        mergedConnection.id = static_cast<std::uint32_t>(merged->connections.size());
        for (int point = 0; point < 2; ++point) {
            if (!at[point])
                continue;
            const auto id = static_cast<std::uint32_t>(points[point]->connections.size());
            points[point]->connections.push_back(makeConnection(id, lastOctet, port));
            mergedConnection.connection[point] = id;
        }
        const bool both = at[0] && at[1];
        mergedConnection.method = both ? MatchMethod::FourTupleAndIsn : MatchMethod::Unmatched;
        mergedConnection.clientPoint = both ? clientPoint : -1;
        for (const MergedStep& step : steps) {
            MergedPacket packet;
            packet.sender = step.sender;
            packet.fate = both ? step.fate : PacketFate::OnePointOnly;
            packet.oneSidedDisagrees = step.disagrees;
            const int from =
                both ? (step.sender == kSideA ? clientPoint : 1 - clientPoint) : (at[0] ? 0 : 1);
            const std::array<TimeNs, 2> when{step.sent, step.received};
            for (int leg = 0; leg < 2; ++leg) {
                const int point = leg == 0 ? from : 1 - from;
                if (when[leg] < 0 || !at[point])
                    continue;
                PacketRecord::Fields fields;
                fields.time = when[leg];
                fields.frame = ++frames[point];
                fields.side = step.sender;
                fields.relativeSeq = step.seq;
                fields.relativeAck = 1;
                fields.payloadLength = step.length;
                fields.flags = step.flags;
                fields.analysis = leg == 1 ? step.receiverAnalysis : 0;
                const auto connection =
                    static_cast<std::uint32_t>(mergedConnection.connection[point]);
                packet.index[point] =
                    static_cast<std::int64_t>(points[point]->packets.packetCount(connection));
                packet.time[point] = when[leg];
                points[point]->packets.append(connection, PacketRecord(fields));
            }
            mergedConnection.packets.push_back(packet);
        }
        return mergedConnection;
    };
    MergedConnection lossy = addConnection({true, true}, 2, 40000, lossyTransfer());
    lossy.lostBetween = {1, 0};
    lossy.onlyAtReceiver = {0, 1};
    lossy.oneWayDelay = {delays(4, 10 * kMs, 10 * kMs, 15 * kMs),
                         delays(2, 10 * kMs, 10 * kMs, 10 * kMs)};
    merged->connections.push_back(lossy);
    merged->connections.push_back(addConnection(
        {false, true}, 3, 40001, {{kSideA, kSyn, 0, 0, 100 * kMs, -1, PacketFate::OnePointOnly}}));
    MergedConnection clean = addConnection({true, true}, 4, 40002,
                                           {{kSideA, kSyn, 0, 0, 200 * kMs, 230 * kMs},
                                            {kSideB, kSyn | kAck, 0, 0, 231 * kMs, 261 * kMs}});
    clean.oneWayDelay = {delays(1, 30 * kMs, 30 * kMs, 30 * kMs),
                         delays(1, 30 * kMs, 30 * kMs, 30 * kMs)};
    merged->connections.push_back(clean);
    for (int point = 0; point < 2; ++point)
        merged->points[point] = points[point];
    merged->offset.estimate = 5 * kMs;
    merged->offset.lowerBound = 4'600'000;
    merged->offset.upperBound = 5'400'000;
    merged->offset.samples[0] = 5;
    merged->offset.samples[1] = 3;
    merged->offset.driftPpm = 3.25;
    merged->offset.driftKnown = true;
    merged->notes = {"1 connection seen at point 2 only"};
    return merged;
}

} // namespace tcpladder::test
