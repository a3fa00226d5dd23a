// libFuzzer entry: the decoders without a capture file around them. The input
// is a link type (2 bytes, big-endian) and frames, each a 2-byte big-endian
// length and its bytes, decoded in order by one decoder so that IP fragments
// reassemble across frames. Each frame is also decoded as if its capture had
// been cut at half its length.
#include "decode/packet_decoder.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Keeps the optimizer from dropping what the target reads.
volatile std::uint64_t sink = 0;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    const int linkType = data[0] << 8 | data[1];
    tcpladder::PacketDecoder decoder;
    tcpladder::PacketDecoder cutDecoder;
    std::uint64_t sum = 0;
    std::size_t at = 2;
    while (at + 2 <= size) {
        const std::size_t length = std::size_t{data[at]} << 8 | data[at + 1];
        at += 2;
        const std::size_t captured = length < size - at ? length : size - at;
        // A copy of exactly the captured bytes, so that ASan sees any read past them.
        const std::vector<std::uint8_t> frame(data + at, data + at + captured);
        at += captured;
        tcpladder::RawPacket packet;
        packet.data = frame.data();
        packet.capturedLength = static_cast<std::uint32_t>(captured);
        packet.originalLength = static_cast<std::uint32_t>(length);
        packet.linkType = linkType;
        tcpladder::DecodedTcp out;
        if (decoder.decode(packet, out))
            sum += out.segment.payloadLength + out.segment.seq;
        else
            sum += static_cast<std::uint64_t>(decoder.lastMiss().miss);
        packet.capturedLength /= 2;
        if (cutDecoder.decode(packet, out))
            sum += out.segment.payloadLength;
    }
    sink = sum;
    return 0;
}
