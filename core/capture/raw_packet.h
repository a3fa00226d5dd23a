#pragma once

#include "common/time_ns.h"

#include <cstdint>

namespace tcpladder {

// One record as the capture file holds it. `data` stays valid until the next
// call to PacketSource::next().
struct RawPacket {
    // Nanoseconds since the epoch, modulo 2^64: pcapng allows times beyond
    // what int64 nanoseconds hold. `epochSecond` is the same time's whole
    // second, unwrapped; differences of `timestamp` stay exact.
    TimeNs timestamp = 0;
    std::int64_t epochSecond = 0;
    std::uint32_t capturedLength = 0;
    std::uint32_t originalLength = 0;
    int linkType = 0;
    std::uint64_t fileOffset = 0; // where the record starts, for re-reading it later
    const std::uint8_t* data = nullptr;
};

enum class ReadStatus { Packet, End, Error };

} // namespace tcpladder
