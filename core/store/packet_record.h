#pragma once

#include "common/time_ns.h"
#include "tcp/connection.h"

#include <cstdint>
#include <type_traits>

namespace tcpladder {

// One TCP packet in 36 bytes (35 used), everything the table, ladder and chart need;
// the rest is re-read from the file at `fileOffset()`. Stored as 32-bit
// words so the array packs without padding.
class PacketRecord {
public:
    struct Fields {
        TimeNs time = 0;
        std::uint64_t frame = 0;
        std::uint64_t fileOffset = 0;
        Side side = kSideA;
        std::uint32_t relativeSeq = 0;
        std::uint32_t relativeAck = 0;
        std::uint32_t payloadLength = 0;
        std::uint16_t rawWindow = 0;
        std::int8_t windowShift = -1; // -1: the scale was not known, the window is raw
        std::uint8_t flags = 0;
        std::uint16_t analysis = 0;
    };

    PacketRecord() = default;
    explicit PacketRecord(const Fields& fields)
        : m_timeLow(static_cast<std::uint32_t>(static_cast<std::uint64_t>(fields.time))),
          m_timeHigh(static_cast<std::uint32_t>(static_cast<std::uint64_t>(fields.time) >> 32)),
          m_frameAndSide(static_cast<std::uint32_t>(fields.frame & kFrameMask) |
                         (fields.side == kSideB ? 0x80000000u : 0u)),
          m_seq(fields.relativeSeq), m_ack(fields.relativeAck), m_length(fields.payloadLength),
          m_offsetLow(static_cast<std::uint32_t>(fields.fileOffset)),
          m_offsetHigh(static_cast<std::uint16_t>(fields.fileOffset >> 32)),
          m_window(fields.rawWindow),
          m_analysisAndWindowShift(static_cast<std::uint16_t>(
              (fields.analysis & kAnalysisMask) |
              (fields.windowShift >= 0
                   ? kScaledBit | (static_cast<unsigned>(fields.windowShift) & 0xF)
                                      << kShiftPosition
                   : 0))),
          m_flags(fields.flags) {}

    TimeNs time() const { return static_cast<TimeNs>(std::uint64_t{m_timeHigh} << 32 | m_timeLow); }
    std::uint64_t frame() const { return m_frameAndSide & kFrameMask; }
    Side side() const { return (m_frameAndSide >> 31) ? kSideB : kSideA; }
    std::uint32_t relativeSeq() const { return m_seq; }
    std::uint32_t relativeAck() const { return m_ack; }
    std::uint32_t payloadLength() const { return m_length; }
    std::uint64_t fileOffset() const { return std::uint64_t{m_offsetHigh} << 32 | m_offsetLow; }
    std::uint16_t rawWindow() const { return m_window; }
    bool windowScaled() const { return m_analysisAndWindowShift & kScaledBit; }
    // The window as Wireshark shows it: shifted by the scale in force when
    // this packet was sent (a later window scale option may change it).
    std::uint32_t window() const {
        return windowScaled()
                   ? std::uint32_t{m_window} << ((m_analysisAndWindowShift >> kShiftPosition) & 0xF)
                   : m_window;
    }
    std::uint8_t flags() const { return m_flags; }
    std::uint16_t analysis() const { return m_analysisAndWindowShift & kAnalysisMask; }

    // Frames past 2^31 cannot be stored; the loader stops there with a warning.
    static constexpr std::uint64_t kMaxFrame = 0x7FFFFFFF;

private:
    static constexpr std::uint32_t kFrameMask = 0x7FFFFFFF;
    // Analysis bits 0-10, the window shift (at most 14) in bits 11-14, bit 15
    // set when the window is scaled at all.
    static constexpr std::uint16_t kAnalysisMask = 0x07FF;
    static constexpr int kShiftPosition = 11;
    static constexpr std::uint16_t kScaledBit = 0x8000;

    std::uint32_t m_timeLow = 0;
    std::uint32_t m_timeHigh = 0;
    std::uint32_t m_frameAndSide = 0;
    std::uint32_t m_seq = 0;
    std::uint32_t m_ack = 0;
    std::uint32_t m_length = 0;
    std::uint32_t m_offsetLow = 0;
    std::uint16_t m_offsetHigh = 0;
    std::uint16_t m_window = 0;
    std::uint16_t m_analysisAndWindowShift = 0;
    std::uint8_t m_flags = 0;
};

static_assert(sizeof(PacketRecord) == 36, "the per-packet budget is part of the design");
static_assert(std::is_trivially_copyable_v<PacketRecord> &&
                  std::is_trivially_destructible_v<PacketRecord>,
              "PacketStore keeps records in raw memory");

} // namespace tcpladder
