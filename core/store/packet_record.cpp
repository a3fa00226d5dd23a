#include "store/packet_record.h"

namespace tcpladder {

PacketRecord::PacketRecord(const Fields& fields)
    : m_timeLow(static_cast<std::uint32_t>(static_cast<std::uint64_t>(fields.time))),
      m_timeHigh(static_cast<std::uint32_t>(static_cast<std::uint64_t>(fields.time) >> 32)),
      m_frameAndSide(static_cast<std::uint32_t>(fields.frame & kFrameMask) |
                     (fields.side == kSideB ? 0x80000000u : 0u)),
      m_seq(fields.relativeSeq), m_ack(fields.relativeAck), m_length(fields.payloadLength),
      m_offsetLow(static_cast<std::uint32_t>(fields.fileOffset)),
      m_offsetHigh(static_cast<std::uint16_t>(fields.fileOffset >> 32)), m_window(fields.rawWindow),
      m_analysisAndScaled(static_cast<std::uint16_t>((fields.analysis & ~kScaledBit) |
                                                     (fields.windowScaled ? kScaledBit : 0))),
      m_flags(fields.flags) {}

} // namespace tcpladder
