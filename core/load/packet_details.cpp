#include "load/packet_details.h"

#include "capture/packet_rereader.h"
#include "decode/packet_decoder.h"

namespace tcpladder {

Result<PacketDetails> readPacketDetails(const LoadedCapture& capture, std::uint32_t connection,
                                        std::size_t index) {
    if (connection >= capture.connections.size() ||
        index >= capture.packets.packetCount(connection))
        return Error{"no such packet"};
    const PacketRecord& record = capture.packets.at(connection, index);
    auto bytes = capture.reread(record.fileOffset());
    if (!bytes)
        return Error{bytes.error()};
    RawPacket raw;
    raw.data = bytes->data.data();
    raw.capturedLength = static_cast<std::uint32_t>(bytes->data.size());
    raw.originalLength = bytes->originalLength;
    raw.linkType = capture.connectionLinkTypes[connection];
    PacketDecoder decoder;
    PacketDetails details;
    details.capturedLength = raw.capturedLength;
    details.originalLength = raw.originalLength;
    if (!decoder.decode(raw, details.tcp))
        return Error{"frame " + std::to_string(record.frame()) +
                     ": the TCP header is in an earlier fragment of the datagram"};
    return details;
}

} // namespace tcpladder
