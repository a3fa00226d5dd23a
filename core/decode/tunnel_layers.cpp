#include "decode/byte_cursor.h"
#include "decode/decode_context.h"

#include <algorithm>

// Tunnels whose inner TCP connection is the one Wireshark reports: GRE, and
// the UDP encapsulations Wireshark decodes on their registered ports.
namespace tcpladder {
namespace {

constexpr std::uint16_t kL2tpPort = 1701;
constexpr std::uint16_t kGtpUserPort = 2152;
constexpr std::uint16_t kVxlanPort = 4789;
constexpr std::uint16_t kGenevePort = 6081;

// L2TPv2 data messages carry a PPP frame.
bool decodeL2tp(Layer payload, DecodeContext& context) {
    if (payload.captured < 2)
        return context.missed(DecodeMiss::Truncated);
    const std::uint16_t flags = readBe16(payload.data);
    if ((flags & 0x000F) != 2 || (flags & 0x8000)) // not version 2, or a control message
        return context.missed(DecodeMiss::NotTcp);
    std::size_t offset = 2;
    if (flags & 0x4000) // length
        offset += 2;
    offset += 4;        // tunnel and session ids
    if (flags & 0x0800) // Ns, Nr
        offset += 4;
    if (flags & 0x0200) { // offset size, then that much padding
        if (payload.captured < offset + 2)
            return context.missed(DecodeMiss::Truncated);
        offset += 2 + readBe16(payload.data + offset);
    }
    return decodePpp(payload.from(offset), context);
}

// GTPv1-U G-PDUs carry an IP packet after the header and its extensions.
bool decodeGtpUser(Layer payload, DecodeContext& context) {
    if (payload.captured < 8)
        return context.missed(DecodeMiss::Truncated);
    const std::uint8_t flags = payload.data[0];
    if ((flags >> 5) != 1 || !(flags & 0x10) || payload.data[1] != 0xFF)
        return context.missed(DecodeMiss::NotTcp);
    std::size_t offset = 8;
    if (flags & 0x07) {
        if (payload.captured < 12)
            return context.missed(DecodeMiss::Truncated);
        std::uint8_t nextExtension = (flags & 0x04) ? payload.data[11] : 0;
        offset = 12;
        for (int count = 0; nextExtension != 0 && count < 16; ++count) {
            if (payload.captured < offset + 1)
                return context.missed(DecodeMiss::Truncated);
            const std::size_t length = payload.data[offset] * 4u;
            if (length == 0 || payload.captured < offset + length)
                return context.missed(DecodeMiss::Malformed);
            nextExtension = payload.data[offset + length - 1];
            offset += length;
        }
    }
    return decodeIpByVersion(payload.from(offset), context);
}

} // namespace

bool decodeGre(Layer layer, DecodeContext& context) {
    if (layer.captured < 4)
        return context.missed(DecodeMiss::Truncated);
    const std::uint16_t flags = readBe16(layer.data);
    const std::uint16_t protocol = readBe16(layer.data + 2);
    if ((flags & 0x0007) != 0) // only version 0; PPTP's enhanced GRE carries PPP
        return context.missed(DecodeMiss::NotTcp);
    std::size_t offset = 4;
    if (flags & 0xC000) // checksum or routing present: checksum + offset word
        offset += 4;
    if (flags & 0x2000) // key
        offset += 4;
    if (flags & 0x1000) // sequence number
        offset += 4;
    const Layer inner = layer.from(offset);
    switch (protocol) {
    case 0x6558: // transparent Ethernet bridging
        return decodeEthernet(inner, context);
    case 0x88BE: // ERSPAN: type II has an 8-byte header and a sequence number
        return decodeEthernet((flags & 0x1000) ? inner.from(8) : inner, context);
    default:
        return dispatchEthertype(protocol, inner, context);
    }
}

namespace {

bool decodeUdpTunnel(std::uint16_t port, Layer payload, DecodeContext& context) {
    if (port == kL2tpPort)
        return decodeL2tp(payload, context);
    if (port == kGtpUserPort)
        return decodeGtpUser(payload, context);
    if (port == kVxlanPort) {
        if (payload.captured < 8)
            return context.missed(DecodeMiss::Truncated);
        return decodeEthernet(payload.from(8), context);
    }
    // Geneve: 8-byte base header plus options, then an ethertype.
    if (payload.captured < 8)
        return context.missed(DecodeMiss::Truncated);
    const std::size_t optionsLength = (payload.data[0] & 0x3F) * 4u;
    const std::uint16_t protocol = readBe16(payload.data + 2);
    const Layer inner = payload.from(8 + optionsLength);
    if (protocol == 0x6558)
        return decodeEthernet(inner, context);
    return dispatchEthertype(protocol, inner, context);
}

} // namespace

bool decodeUdp(Layer layer, DecodeContext& context) {
    if (layer.captured < 8)
        return context.missed(DecodeMiss::Truncated);
    const std::uint16_t srcPort = readBe16(layer.data);
    const std::uint16_t dstPort = readBe16(layer.data + 2);
    const auto isTunnel = [](std::uint16_t port) {
        return port == kVxlanPort || port == kGenevePort || port == kL2tpPort ||
               port == kGtpUserPort;
    };
    // Wireshark tries the lower port first.
    const std::uint16_t low = std::min(srcPort, dstPort);
    const std::uint16_t high = std::max(srcPort, dstPort);
    const std::uint16_t port = isTunnel(low) ? low : high;
    if (!isTunnel(port))
        return context.missed(DecodeMiss::NotTcp);
    return decodeUdpTunnel(port, layer.from(8), context);
}

} // namespace tcpladder
