#include "decode/packet_decoder.h"

namespace tcpladder {

bool PacketDecoder::decode(const RawPacket& packet, DecodedTcp& out) {
    DecodeContext context{m_reassembler, out};
    Layer frame{packet.data, packet.capturedLength,
                packet.originalLength > packet.capturedLength ? packet.originalLength
                                                              : packet.capturedLength};
    const bool found = decodeLinkLayer(packet.linkType, frame, context);
    m_lastMiss = {found ? DecodeMiss::None : context.miss, context.protocol};
    return found;
}

} // namespace tcpladder
