#include "decode/byte_cursor.h"
#include "decode/decode_context.h"
#include "decode/packet_decoder.h"

namespace tcpladder {
namespace {

// libpcap DLT_ and pcapng LINKTYPE_ values we decode.
enum LinkType : int {
    kNull = 0,
    kEthernet = 1,
    kPpp = 9,
    kRaw = 12,
    kRawOpenBsd = 14,
    kPppSerial = 50,
    kLinktypeRaw = 101,
    kLoop = 108,
    kLinuxSll = 113,
    kIpv4 = 228,
    kIpv6 = 229,
    kLinuxSll2 = 276,
};

// BSD loopback carries the address family in the capturing host's byte order.
bool decodeNull(Layer layer, bool networkOrder, DecodeContext& context) {
    if (layer.captured < 4)
        return context.missed(DecodeMiss::Truncated);
    std::uint32_t family = readBe32(layer.data);
    if (!networkOrder && (family & 0xFFFF0000u))
        family = __builtin_bswap32(family);
    switch (family) {
    case 2:
        return decodeIpv4(layer.from(4), context);
    case 24: // AF_INET6 on NetBSD/OpenBSD, FreeBSD/Darwin, and Linux-style 10
    case 28:
    case 30:
    case 10:
        return decodeIpv6(layer.from(4), context);
    default:
        context.saw(ProtocolSpace::AddressFamily, family);
        return context.missed(DecodeMiss::NotTcp);
    }
}

bool decodePppProtocol(std::uint16_t protocol, Layer layer, DecodeContext& context) {
    context.saw(ProtocolSpace::PppProtocol, protocol);
    if (protocol == 0x0021)
        return decodeIpv4(layer, context);
    if (protocol == 0x0057)
        return decodeIpv6(layer, context);
    return context.missed(DecodeMiss::NotTcp);
}

bool decodeMpls(Layer layer, DecodeContext& context) {
    std::size_t offset = 0;
    for (;;) {
        if (layer.captured < offset + 4)
            return context.missed(DecodeMiss::Truncated);
        const bool bottom = layer.data[offset + 2] & 0x01;
        offset += 4;
        if (bottom)
            break;
    }
    return decodeIpByVersion(layer.from(offset), context);
}

} // namespace

bool decodeIpByVersion(Layer layer, DecodeContext& context) {
    if (layer.captured < 1)
        return context.missed(DecodeMiss::Truncated);
    switch (layer.data[0] >> 4) {
    case 4:
        return decodeIpv4(layer, context);
    case 6:
        return decodeIpv6(layer, context);
    default:
        context.saw(ProtocolSpace::IpVersion, layer.data[0] >> 4);
        return context.missed(DecodeMiss::NotTcp);
    }
}

bool decodePpp(Layer layer, DecodeContext& context) {
    std::size_t offset = 0;
    if (layer.captured >= 2 && layer.data[0] == 0xFF && layer.data[1] == 0x03)
        offset = 2;
    if (layer.captured < offset + 1)
        return context.missed(DecodeMiss::Truncated);
    // Protocol-field compression: an odd first byte is a one-byte protocol.
    if (layer.data[offset] & 1)
        return decodePppProtocol(layer.data[offset], layer.from(offset + 1), context);
    if (layer.captured < offset + 2)
        return context.missed(DecodeMiss::Truncated);
    return decodePppProtocol(readBe16(layer.data + offset), layer.from(offset + 2), context);
}

bool dispatchEthertype(std::uint16_t ethertype, Layer layer, DecodeContext& context) {
    // Tag stacks are walked in a loop rather than by recursion.
    for (int tags = 0; tags < 16; ++tags) {
        context.saw(ProtocolSpace::Ethertype, ethertype);
        switch (ethertype) {
        case 0x0800:
            return decodeIpv4(layer, context);
        case 0x86DD:
            return decodeIpv6(layer, context);
        case 0x8100: // 802.1Q
        case 0x88A8: // 802.1ad
        case 0x9100:
        case 0x9200:
            if (layer.captured < 4)
                return context.missed(DecodeMiss::Truncated);
            ethertype = readBe16(layer.data + 2);
            layer = layer.from(4);
            continue;
        case 0x8847: // MPLS unicast and multicast
        case 0x8848:
            return decodeMpls(layer, context);
        case 0x8864: // PPPoE session: 6-byte header, then the PPP protocol
            if (layer.captured < 8)
                return context.missed(DecodeMiss::Truncated);
            return decodePppProtocol(readBe16(layer.data + 6), layer.from(8), context);
        default:
            return context.missed(DecodeMiss::NotTcp);
        }
    }
    return context.missed(DecodeMiss::Malformed);
}

bool decodeEthernet(Layer layer, DecodeContext& context) {
    if (layer.captured < 14)
        return context.missed(DecodeMiss::Truncated);
    const std::uint16_t typeOrLength = readBe16(layer.data + 12);
    if (typeOrLength >= 0x0600)
        return dispatchEthertype(typeOrLength, layer.from(14), context);
    // 802.3 with LLC; only SNAP carries an ethertype.
    const Layer llc = layer.from(14);
    if (llc.captured >= 8 && llc.data[0] == 0xAA && llc.data[1] == 0xAA && llc.data[2] == 0x03)
        return dispatchEthertype(readBe16(llc.data + 6), llc.from(8), context);
    context.saw(ProtocolSpace::Llc, llc.captured ? llc.data[0] : 0);
    return context.missed(DecodeMiss::NotTcp);
}

bool isDecodedLinkType(int linkType) {
    switch (linkType) {
    case kNull:
    case kEthernet:
    case kPpp:
    case kRaw:
    case kRawOpenBsd:
    case kPppSerial:
    case kLinktypeRaw:
    case kLoop:
    case kLinuxSll:
    case kIpv4:
    case kIpv6:
    case kLinuxSll2:
        return true;
    default:
        return false;
    }
}

bool decodeLinkLayer(int linkType, Layer layer, DecodeContext& context) {
    switch (linkType) {
    case kEthernet:
        return decodeEthernet(layer, context);
    case kNull:
        return decodeNull(layer, false, context);
    case kLoop:
        return decodeNull(layer, true, context);
    case kRaw:
    case kRawOpenBsd:
    case kLinktypeRaw:
        return decodeIpByVersion(layer, context);
    case kIpv4:
        return decodeIpv4(layer, context);
    case kIpv6:
        return decodeIpv6(layer, context);
    case kLinuxSll:
        if (layer.captured < 16)
            return context.missed(DecodeMiss::Truncated);
        return dispatchEthertype(readBe16(layer.data + 14), layer.from(16), context);
    case kLinuxSll2:
        if (layer.captured < 20)
            return context.missed(DecodeMiss::Truncated);
        return dispatchEthertype(readBe16(layer.data), layer.from(20), context);
    case kPpp:
    case kPppSerial:
        return decodePpp(layer, context);
    default:
        context.saw(ProtocolSpace::LinkType, static_cast<unsigned>(linkType));
        return context.missed(DecodeMiss::UnsupportedLinkType);
    }
}

} // namespace tcpladder
