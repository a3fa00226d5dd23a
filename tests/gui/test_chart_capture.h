#pragma once

#include "load/capture_loader.h"
#include "support/capture_writer.h"
#include "support/packet_builder.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

// A server-to-client transfer with one known loss, built packet by packet,
// shared by the chart tests. Server 10.0.0.2:80 (ISN 5000) sends eight
// 1000-byte segments at 40..47 ms (relative seq 1 + 1000k). The client ACKs
// each 10 ms later; segment 2 (relative 2001..3001) gets no ACK, so segments
// 3..7 draw duplicate ACKs of 2001 with a growing SACK block 3001..4001+.
// The server resends segment 2 at 60 ms; the client ACKs 8001 at 70 ms.
// FIN from the server at 80 ms, FIN/ACK from the client at 90 ms, last ACK
// at 100 ms. The client's window is 64000 bytes, unscaled.
namespace tcpladder::test::chart {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kStart = 1'700'000'000LL * 1'000'000'000;
constexpr std::uint32_t kClientIsn = 1000;
constexpr std::uint32_t kServerIsn = 5000;
constexpr std::uint16_t kClientWindow = 64000;

inline Frame packet(std::int64_t atMs, bool fromClient, std::uint32_t seq, std::uint32_t ack,
                    std::uint8_t flags, std::uint32_t length, Bytes options = {}) {
    TcpSpec spec;
    spec.srcPort = fromClient ? 40000 : 80;
    spec.dstPort = fromClient ? 80 : 40000;
    spec.seq = seq;
    spec.ack = ack;
    spec.flags = flags;
    spec.window = fromClient ? kClientWindow : 65535;
    spec.options = std::move(options);
    spec.payloadLength = length;
    const char* src = fromClient ? "10.0.0.1" : "10.0.0.2";
    const char* dst = fromClient ? "10.0.0.2" : "10.0.0.1";
    return {kStart + atMs * kMs, ethernet(0x0800, ipv4(src, dst, kProtoTcp, tcp(spec)))};
}

inline std::vector<Frame> lossyTransfer() {
    constexpr std::uint8_t kSyn = 0x02, kAck = 0x10, kPsh = 0x08, kFin = 0x01;
    const std::uint32_t data = kServerIsn + 1;
    std::vector<Frame> frames;
    frames.push_back(packet(0, true, kClientIsn, 0, kSyn, 0, sackPermittedOption()));
    frames.push_back(
        packet(10, false, kServerIsn, kClientIsn + 1, kSyn | kAck, 0, sackPermittedOption()));
    frames.push_back(packet(20, true, kClientIsn + 1, data, kAck, 0));
    frames.push_back(packet(21, true, kClientIsn + 1, data, kAck | kPsh, 100));
    const std::uint32_t clientSeq = kClientIsn + 101;
    for (std::uint32_t k = 0; k < 8; ++k)
        frames.push_back(packet(40 + k, false, data + 1000 * k, clientSeq, kAck, 1000));
    for (std::uint32_t k = 0; k < 8; ++k) {
        if (k == 2)
            continue;
        const std::uint32_t ack = data + 1000 * (k < 2 ? k + 1 : 2);
        Bytes sack = k > 2 ? sackOption({{data + 3000, data + 1000 * (k + 1)}}) : Bytes{};
        frames.push_back(packet(50 + k, true, clientSeq, ack, kAck, 0, sack));
    }
    frames.push_back(packet(60, false, data + 2000, clientSeq, kAck, 1000));
    frames.push_back(packet(70, true, clientSeq, data + 8000, kAck, 0));
    frames.push_back(packet(80, false, data + 8000, clientSeq, kFin | kAck, 0));
    frames.push_back(packet(90, true, clientSeq, data + 8001, kFin | kAck, 0));
    frames.push_back(packet(100, false, data + 8001, clientSeq + 1, kAck, 0));
    std::sort(frames.begin(), frames.end(),
              [](const Frame& a, const Frame& b) { return a.timestampNs < b.timestampNs; });
    return frames;
}

// The file stays for re-reading SACK blocks as long as the object lives.
struct LossyCapture {
    TemporaryFile file{buildPcap(lossyTransfer())};
    std::shared_ptr<const LoadedCapture> capture = loadCapture(file.path()).value();
};

} // namespace tcpladder::test::chart
