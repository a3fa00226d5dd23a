#include "decode/byte_cursor.h"
#include "decode/decode_context.h"

#include <algorithm>

namespace tcpladder {
namespace {

enum TcpOptionKind : std::uint8_t {
    kEndOfOptions = 0,
    kNoOperation = 1,
    kMaximumSegmentSize = 2,
    kWindowScale = 3,
    kSackPermitted = 4,
    kSack = 5,
    kTimestamps = 8,
};

// Reads options as far as they were captured; a malformed option ends the
// walk, as it ends Wireshark's.
void decodeOptions(const std::uint8_t* data, std::size_t length, TcpOptions& options) {
    std::size_t at = 0;
    while (at < length) {
        const std::uint8_t kind = data[at];
        if (kind == kEndOfOptions)
            return;
        if (kind == kNoOperation) {
            ++at;
            continue;
        }
        if (at + 2 > length)
            return;
        const std::size_t optionLength = data[at + 1];
        if (optionLength < 2 || at + optionLength > length)
            return;
        const std::uint8_t* value = data + at + 2;
        switch (kind) {
        case kMaximumSegmentSize:
            if (optionLength == 4)
                options.mss = static_cast<std::int16_t>(readBe16(value) & 0x7FFF);
            break;
        case kWindowScale:
            if (optionLength == 3)
                // Saturate: Wireshark reads any shift above 14 as 14, never modulo.
                options.windowScale = static_cast<std::int8_t>(std::min<int>(value[0], 127));
            break;
        case kSackPermitted:
            options.sackPermitted = optionLength == 2;
            break;
        case kSack:
            for (std::size_t i = 0; i + 8 <= optionLength - 2 && options.sackCount < 4; i += 8) {
                options.sack[options.sackCount++] = {readBe32(value + i), readBe32(value + i + 4)};
            }
            break;
        case kTimestamps:
            if (optionLength == 10) {
                options.hasTimestamps = true;
                options.tsValue = readBe32(value);
                options.tsEcho = readBe32(value + 4);
            }
            break;
        default:
            break;
        }
        at += optionLength;
    }
}

} // namespace

bool decodeTcp(Layer layer, const IpAddress& src, const IpAddress& dst, DecodeContext& context) {
    if (layer.captured < 20)
        return context.missed(DecodeMiss::Truncated);
    const std::uint8_t* header = layer.data;
    const std::size_t headerLength = (header[12] >> 4) * 4u;
    // Wireshark gives no tcp.len to a bogus header length or a short segment.
    if (headerLength < 20 || layer.reported < headerLength)
        return context.missed(DecodeMiss::Malformed);
    TcpSegment& segment = context.out.segment;
    // Reset only what says an option is present; the option values are read
    // only when their presence says so (clearing all is a per-packet memset).
    segment.options.mss = -1;
    segment.options.windowScale = -1;
    segment.options.sackPermitted = false;
    segment.options.hasTimestamps = false;
    segment.options.sackCount = 0;
    segment.srcPort = readBe16(header);
    segment.dstPort = readBe16(header + 2);
    segment.seq = readBe32(header + 4);
    segment.ack = readBe32(header + 8);
    segment.flags = header[13];
    segment.headerLength = static_cast<std::uint8_t>(headerLength);
    segment.window = readBe16(header + 14);
    segment.urgentPointer = readBe16(header + 18);
    segment.payloadLength = static_cast<std::uint32_t>(layer.reported - headerLength);
    const std::size_t capturedOptions = std::min(layer.captured, headerLength) - 20;
    decodeOptions(header + 20, capturedOptions, segment.options);
    const Layer payload = layer.from(headerLength).limitedTo(segment.payloadLength);
    context.out.payload = payload.data;
    context.out.payloadCaptured = payload.captured;
    context.out.src = src;
    context.out.dst = dst;
    context.miss = DecodeMiss::None;
    return true;
}

} // namespace tcpladder
