#pragma once

#include "capture/raw_packet.h"
#include "decode/decode_context.h"
#include "decode/ip_reassembly.h"

#include <array>
#include <cstdint>

namespace tcpladder {

// Frame → the TCP segment it carries (the innermost one, for tunnels), with
// IP fragments reassembled across frames.
class PacketDecoder {
public:
    // True when the frame yields a TCP row; `out` is then filled.
    bool decode(const RawPacket& packet, DecodedTcp& out);

    // Why frames gave no row, indexed by DecodeMiss.
    const std::array<std::uint64_t, 7>& misses() const { return m_misses; }
    // Incomplete datagrams the reassembler dropped to stay within its budget.
    std::size_t droppedDatagrams() const { return m_reassembler.evictedDatagrams(); }

private:
    IpReassembler m_reassembler;
    std::array<std::uint64_t, 7> m_misses{};
};

bool isDecodedLinkType(int linkType);

} // namespace tcpladder
