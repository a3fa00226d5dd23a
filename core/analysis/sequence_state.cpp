#include "analysis/sequence_state.h"

#include "decode/tcp_segment.h"
#include "tcp/seq_math.h"

#include <algorithm>

namespace tcpladder {

SequenceState::Unwrapped SequenceState::advance(const PacketRecord& record) {
    const Side side = record.side();
    const Side other = side == kSideA ? kSideB : kSideA;
    Unwrapped u;
    u.seq = unwrapSeq(record.relativeSeq(), highestSeqEnd[side]);
    const std::uint8_t flags = record.flags();
    u.seqEnd = u.seq + record.payloadLength() + ((flags & kSyn) ? 1 : 0) + ((flags & kFin) ? 1 : 0);
    if (u.seqEnd > highestSeqEnd[side]) {
        u.newBytes = u.seqEnd - highestSeqEnd[side];
        highestSeqEnd[side] = u.seqEnd;
    }
    if (flags & kAck) {
        u.ack = unwrapSeq(record.relativeAck(), acked[side] ? lastAck[side] : highestSeqEnd[other]);
        lastAck[side] = u.ack;
        acked[side] = true;
    }
    return u;
}

SequenceCheckpoints::SequenceCheckpoints(const LoadedCapture& capture, std::uint32_t connection)
    : m_capture(capture), m_connection(connection),
      m_count(capture.packets.packetCount(connection)) {
    m_snapshots.reserve(m_count / kStride + 1);
    SequenceState state;
    for (std::size_t i = 0; i < m_count; ++i) {
        if (i % kStride == 0)
            m_snapshots.push_back(state);
        state.advance(capture.packets.at(connection, i));
    }
}

SequenceState SequenceCheckpoints::stateBefore(std::size_t index) const {
    index = std::min(index, m_count);
    if (m_snapshots.empty())
        return {};
    std::size_t snapshot = std::min(index / kStride, m_snapshots.size() - 1);
    SequenceState state = m_snapshots[snapshot];
    for (std::size_t i = snapshot * kStride; i < index; ++i)
        state.advance(m_capture.packets.at(m_connection, i));
    return state;
}

} // namespace tcpladder
