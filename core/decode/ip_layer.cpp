#include "decode/byte_cursor.h"
#include "decode/decode_context.h"
#include "decode/ip_reassembly.h"

#include <cstring>

namespace tcpladder {
namespace {

enum IpProtocol : std::uint8_t {
    kHopByHop = 0,
    kIcmp = 1,
    kIpInIp = 4,
    kTcp = 6,
    kUdp = 17,
    kIpv6InIp = 41,
    kRouting = 43,
    kFragment = 44,
    kGre = 47,
    kAuthentication = 51,
    kIcmpv6 = 58,
    kNoNextHeader = 59,
    kDestinationOptions = 60,
};

IpAddress ipv4Address(const std::uint8_t* bytes) {
    IpAddress address;
    std::memcpy(address.bytes.data(), bytes, 4);
    return address;
}

IpAddress ipv6Address(const std::uint8_t* bytes) {
    IpAddress address;
    std::memcpy(address.bytes.data(), bytes, 16);
    address.isV6 = true;
    return address;
}

// Hands a fragment to the reassembler; the completed datagram is decoded
// from the reassembler's buffer as if it had come in one frame.
bool reassemble(const IpReassembler::Key& key, std::uint32_t offset, bool more, Layer payload,
                std::uint8_t protocol, const IpAddress& src, const IpAddress& dst,
                DecodeContext& context) {
    // Like Wireshark, only fragments captured whole take part.
    if (payload.captured < payload.reported)
        return context.missed(DecodeMiss::Truncated);
    const auto* whole = context.reassembler.add(key, offset, more, payload.data, payload.captured);
    if (!whole)
        return context.missed(DecodeMiss::FragmentPending);
    const Layer datagram{whole->data(), whole->size(), whole->size()};
    return decodeIpPayload(protocol, datagram, src, dst, context);
}

} // namespace

bool decodeIpPayload(std::uint8_t protocol, Layer layer, const IpAddress& src, const IpAddress& dst,
                     DecodeContext& context) {
    context.saw(ProtocolSpace::IpProtocol, protocol);
    switch (protocol) {
    case kTcp:
        return decodeTcp(layer, src, dst, context);
    case kIcmp:
    case kIcmpv6:
        // An ICMP error quotes a TCP header that belongs to no connection.
        return context.missed(DecodeMiss::IcmpQuote);
    default:
        break;
    }
    if (++context.depth > kMaxTunnelDepth)
        return context.missed(DecodeMiss::Malformed);
    switch (protocol) {
    case kIpInIp:
        return decodeIpv4(layer, context);
    case kIpv6InIp:
        return decodeIpv6(layer, context);
    case kGre:
        return decodeGre(layer, context);
    case kUdp:
        return decodeUdp(layer, context);
    default:
        return context.missed(DecodeMiss::NotTcp);
    }
}

bool decodeIpv4(Layer layer, DecodeContext& context) {
    if (layer.captured < 20)
        return context.missed(DecodeMiss::Truncated);
    const std::uint8_t* header = layer.data;
    if (header[0] >> 4 != 4)
        return context.missed(DecodeMiss::Malformed);
    const std::size_t headerLength = (header[0] & 0x0F) * 4u;
    std::size_t totalLength = readBe16(header + 2);
    if (totalLength == 0) // segmentation offload: the frame says how long it is
        totalLength = layer.reported;
    if (headerLength < 20 || totalLength < headerLength || layer.captured < headerLength)
        return context.missed(DecodeMiss::Malformed);
    const IpAddress src = ipv4Address(header + 12);
    const IpAddress dst = ipv4Address(header + 16);
    const std::uint8_t protocol = header[9];
    const std::uint16_t fragmentField = readBe16(header + 6);
    const bool moreFragments = fragmentField & 0x2000;
    const std::uint32_t fragmentOffset = (fragmentField & 0x1FFFu) * 8u;
    const Layer payload = layer.limitedTo(totalLength).from(headerLength);
    context.out.ipId = readBe16(header + 4);
    if (moreFragments || fragmentOffset != 0) {
        IpReassembler::Key key{src, dst, readBe16(header + 4), protocol};
        return reassemble(key, fragmentOffset, moreFragments, payload, protocol, src, dst, context);
    }
    return decodeIpPayload(protocol, payload, src, dst, context);
}

bool decodeIpv6(Layer layer, DecodeContext& context) {
    if (layer.captured < 40)
        return context.missed(DecodeMiss::Truncated);
    const std::uint8_t* header = layer.data;
    if (header[0] >> 4 != 6)
        return context.missed(DecodeMiss::Malformed);
    const IpAddress src = ipv6Address(header + 8);
    const IpAddress dst = ipv6Address(header + 24);
    context.out.ipId = -1;
    std::size_t payloadLength = readBe16(header + 4);
    std::uint8_t next = header[6];
    Layer rest = layer.from(40);
    bool jumbo = payloadLength == 0 && next == kHopByHop;
    if (!jumbo)
        rest = rest.limitedTo(payloadLength);

    for (int headers = 0; headers < 32; ++headers) {
        switch (next) {
        case kHopByHop:
        case kRouting:
        case kDestinationOptions:
        case kAuthentication: {
            if (rest.captured < 8)
                return context.missed(DecodeMiss::Truncated);
            const std::size_t length =
                next == kAuthentication ? (rest.data[1] + 2u) * 4u : (rest.data[1] + 1u) * 8u;
            if (rest.captured < length)
                return context.missed(DecodeMiss::Truncated);
            if (next == kHopByHop && jumbo) {
                // Jumbo Payload option: its length counts everything after the fixed header.
                std::size_t at = 2;
                jumbo = false;
                while (at + 2 <= length) {
                    const std::uint8_t type = rest.data[at];
                    if (type == 0) {
                        ++at;
                        continue;
                    }
                    const std::size_t optionLength = rest.data[at + 1];
                    if (type == 0xC2 && optionLength == 4 && at + 6 <= length) {
                        rest = rest.limitedTo(readBe32(rest.data + at + 2));
                        jumbo = true;
                        break;
                    }
                    at += 2 + optionLength;
                }
                if (!jumbo)
                    rest = rest.limitedTo(0);
            }
            next = rest.data[0];
            rest = rest.from(length);
            continue;
        }
        case kFragment: {
            if (rest.captured < 8)
                return context.missed(DecodeMiss::Truncated);
            const std::uint8_t inner = rest.data[0];
            const std::uint16_t field = readBe16(rest.data + 2);
            const std::uint32_t offset = field & 0xFFF8u;
            const bool more = field & 1;
            const std::uint32_t id = readBe32(rest.data + 4);
            rest = rest.from(8);
            if (offset == 0 && !more) { // atomic fragment (RFC 6946): not fragmented at all
                next = inner;
                continue;
            }
            IpReassembler::Key key{src, dst, id, 0};
            return reassemble(key, offset, more, rest, inner, src, dst, context);
        }
        case kNoNextHeader:
            context.saw(ProtocolSpace::IpProtocol, kNoNextHeader);
            return context.missed(DecodeMiss::NotTcp);
        default:
            return decodeIpPayload(next, rest, src, dst, context);
        }
    }
    return context.missed(DecodeMiss::Malformed);
}

} // namespace tcpladder
