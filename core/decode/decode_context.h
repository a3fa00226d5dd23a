#pragma once

#include "decode/ip_address.h"
#include "decode/tcp_segment.h"

#include <cstddef>
#include <cstdint>

namespace tcpladder {

class IpReassembler;

// A protocol layer's bytes: what was captured, and how long the layer really
// was on the wire (the reported length, which the snaplen may have cut).
struct Layer {
    const std::uint8_t* data = nullptr;
    std::size_t captured = 0;
    std::size_t reported = 0;

    Layer from(std::size_t offset) const {
        Layer rest;
        rest.data = data + (offset < captured ? offset : captured);
        rest.captured = offset < captured ? captured - offset : 0;
        rest.reported = offset < reported ? reported - offset : 0;
        return rest;
    }
    // Cuts the reported length (and the captured bytes with it) to `length`.
    Layer limitedTo(std::size_t length) const {
        Layer cut = *this;
        if (cut.reported > length)
            cut.reported = length;
        if (cut.captured > length)
            cut.captured = length;
        return cut;
    }
};

struct DecodedTcp {
    IpAddress src;
    IpAddress dst;
    TcpSegment segment;
    // The captured part of the payload (at most segment.payloadLength bytes),
    // valid until the next decode: application messages read it.
    const std::uint8_t* payload = nullptr;
    std::size_t payloadCaptured = 0;
    // The innermost IPv4 header's Identification, -1 for IPv6: with the
    // timestamps option, what tells identical copies of a packet apart.
    std::int32_t ipId = -1;
};

// Why a frame gave no TCP row, for the load diagnostics.
enum class DecodeMiss : std::uint8_t {
    None,
    NotTcp,
    UnsupportedLinkType,
    Truncated,
    Malformed,
    FragmentPending,
    IcmpQuote,
};

// The last protocol number a frame's decoding read, so that a frame without
// a TCP row can be named as a protocol analyser names it (ARP, UDP, ...).
enum class ProtocolSpace : std::uint8_t {
    None,
    LinkType,
    Ethertype,
    Llc, // an 802.3 frame's DSAP
    PppProtocol,
    AddressFamily, // BSD loopback
    IpVersion,     // an IP header whose version is neither 4 nor 6
    IpProtocol,
};

struct ProtocolSeen {
    ProtocolSpace space = ProtocolSpace::None;
    std::uint16_t number = 0;
};

// Why a frame gave no TCP row (None when it gave one) and what it was.
struct FrameMiss {
    DecodeMiss miss = DecodeMiss::None;
    ProtocolSeen protocol{};
};

struct DecodeContext {
    IpReassembler& reassembler;
    DecodedTcp& out;
    DecodeMiss miss = DecodeMiss::NotTcp;
    ProtocolSeen protocol{};
    int depth = 0; // tunnel nesting, bounded against crafted loops

    bool missed(DecodeMiss why) {
        miss = why;
        return false;
    }
    void saw(ProtocolSpace space, unsigned number) {
        protocol = {space, static_cast<std::uint16_t>(number)};
    }
};

constexpr int kMaxTunnelDepth = 8;

// Each returns true when the layer led to a TCP segment that forms a row.
bool decodeLinkLayer(int linkType, Layer layer, DecodeContext& context);
bool decodeEthernet(Layer layer, DecodeContext& context);
bool dispatchEthertype(std::uint16_t ethertype, Layer layer, DecodeContext& context);
bool decodeIpByVersion(Layer layer, DecodeContext& context);
bool decodePpp(Layer layer, DecodeContext& context);
bool decodeGre(Layer layer, DecodeContext& context);
bool decodeUdp(Layer layer, DecodeContext& context);
bool decodeIpv4(Layer layer, DecodeContext& context);
bool decodeIpv6(Layer layer, DecodeContext& context);
bool decodeIpPayload(std::uint8_t protocol, Layer layer, const IpAddress& src, const IpAddress& dst,
                     DecodeContext& context);
bool decodeTcp(Layer layer, const IpAddress& src, const IpAddress& dst, DecodeContext& context);

} // namespace tcpladder
