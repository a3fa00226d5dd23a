#pragma once

#include "capture/raw_packet.h"
#include "decode/decode_context.h"
#include "decode/ip_reassembly.h"

#include <cstdint>

namespace tcpladder {

// Frame → the TCP segment it carries (the innermost one, for tunnels), with
// IP fragments reassembled across frames.
class PacketDecoder {
public:
    // True when the frame yields a TCP row; `out` is then filled.
    bool decode(const RawPacket& packet, DecodedTcp& out);

    // Why the last frame decoded gave no row, and what it was.
    const FrameMiss& lastMiss() const { return m_lastMiss; }
    // Incomplete datagrams the reassembler dropped to stay within its budget.
    std::size_t droppedDatagrams() const { return m_reassembler.evictedDatagrams(); }

private:
    IpReassembler m_reassembler;
    FrameMiss m_lastMiss;
};

bool isDecodedLinkType(int linkType);

} // namespace tcpladder
