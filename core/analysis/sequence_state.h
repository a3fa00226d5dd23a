#pragma once

#include "load/loaded_capture.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tcpladder {

// Both sides' progress through one connection, in 64-bit sequence space, so
// a transfer past 4 GiB climbs on instead of wrapping to zero.
struct SequenceState {
    std::array<std::int64_t, 2> highestSeqEnd{}; // one past the highest byte each side sent
    std::array<std::int64_t, 2> lastAck{};       // the latest ACK each side sent
    std::array<bool, 2> acked{};                 // has sent an ACK yet

    struct Unwrapped {
        std::int64_t seq = 0;
        std::int64_t seqEnd = 0;   // seq + payload (+1 for SYN and FIN)
        std::int64_t ack = 0;      // valid when the record has ACK set
        std::int64_t newBytes = 0; // how far this packet moved highestSeqEnd
    };
    // Unwraps the record's numbers against what came before and moves on.
    Unwrapped advance(const PacketRecord& record);
};

// Snapshots of SequenceState every kStride packets, so a chart can start
// reading anywhere in a connection without replaying it from the start. The
// stride is small (about 1.3 bytes per packet) because the sequence chart
// reads packet by packet only where a block summary straddles a pixel column,
// starting at that block.
class SequenceCheckpoints {
public:
    static constexpr std::size_t kStride = 32;

    SequenceCheckpoints(const LoadedCapture& capture, std::uint32_t connection);

    // The state before packet `index` of the connection.
    SequenceState stateBefore(std::size_t index) const;
    std::size_t packetCount() const { return m_count; }

private:
    const LoadedCapture& m_capture;
    std::uint32_t m_connection;
    std::size_t m_count;
    std::vector<SequenceState> m_snapshots; // before packet i * kStride
};

} // namespace tcpladder
