#include "decode/packet_decoder.h"

namespace tcpladder {

bool PacketDecoder::decode(const RawPacket& packet, DecodedTcp& out) {
    DecodeContext context{m_reassembler, out};
    Layer frame{packet.data, packet.capturedLength,
                packet.originalLength > packet.capturedLength ? packet.originalLength
                                                              : packet.capturedLength};
    const bool found = decodeLinkLayer(packet.linkType, frame, context);
    ++m_misses[static_cast<std::size_t>(context.miss)];
    return found;
}

} // namespace tcpladder
