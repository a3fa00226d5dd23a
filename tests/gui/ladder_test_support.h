#pragma once

#include "ladder/ladder_data.h"
#include "load/capture_loader.h"
#include "support/capture_writer.h"
#include "support/conversation_builder.h"

#include <memory>
#include <vector>

// Ladder tests build their connections as conversations and load them from memory.
namespace tcpladder::test {

constexpr long long kLadderMs = 1000000; // qint64, for Qt Test data rows
constexpr std::int64_t kLadderStart = 1'700'000'000LL * 1'000'000'000;

inline std::shared_ptr<const LoadedCapture> loadFrames(const std::vector<Frame>& frames) {
    const std::vector<std::uint8_t> bytes = buildPcap(frames, {.nanosecond = true});
    auto loaded = loadCaptureFromMemory(bytes.data(), bytes.size());
    return loaded ? std::shared_ptr<const LoadedCapture>(loaded.value()) : nullptr;
}

// Handshake with the given halves, a request, a response, then the client resets.
inline std::shared_ptr<const ui::LadderData> handshakeAndReset(std::int64_t synToSynAck,
                                                               std::int64_t synAckToAck) {
    Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
    c.handshake(synToSynAck, synAckToAck)
        .clientSends(kLadderMs, 300)
        .serverSends(5 * kLadderMs, 1200)
        .clientRst(10 * kLadderMs);
    return ui::buildLadderData(loadFrames(c.frames()), 0);
}

} // namespace tcpladder::test
