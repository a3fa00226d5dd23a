#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

// Frames built byte by byte in test code, layer by layer from the inside out:
//
//     auto frame = ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kTcp, tcp({...})));
//
// Lengths and header fields are filled in; checksums are left zero (neither
// we nor Wireshark check them by default).
namespace tcpladder::test {

using Bytes = std::vector<std::uint8_t>;

constexpr std::uint8_t kProtoTcp = 6;
constexpr std::uint8_t kProtoUdp = 17;
constexpr std::uint8_t kProtoIcmp = 1;

struct TcpSpec {
    std::uint16_t srcPort = 40000;
    std::uint16_t dstPort = 80;
    std::uint32_t seq = 1000;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0x02;
    std::uint16_t window = 65535;
    Bytes options;                   // padded to 4 bytes with NOPs
    std::uint32_t payloadLength = 0; // zero bytes of payload
};

Bytes tcp(const TcpSpec& spec);
Bytes udp(std::uint16_t srcPort, std::uint16_t dstPort, const Bytes& payload);

// TCP option encodings.
Bytes mssOption(std::uint16_t mss);
Bytes windowScaleOption(std::uint8_t shift);
Bytes sackPermittedOption();
Bytes sackOption(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& blocks);
Bytes timestampOption(std::uint32_t value, std::uint32_t echo);
Bytes concat(const std::vector<Bytes>& parts);

struct Ipv4Spec {
    std::uint16_t id = 1;
    std::uint16_t fragmentOffset = 0; // bytes, a multiple of 8
    bool moreFragments = false;
    Bytes options;                // padded to 4 bytes
    int totalLengthOverride = -1; // write this total length instead
};

Bytes ipv4(const std::string& src, const std::string& dst, std::uint8_t protocol,
           const Bytes& payload, const Ipv4Spec& spec = {});

// An IPv6 extension header in the generic (next header, length) form.
struct Ipv6Extension {
    std::uint8_t type; // 0 hop-by-hop, 43 routing, 60 destination options, 44 fragment
    Bytes body;        // after the two leading bytes; padded to 8-byte units
};

Bytes ipv6(const std::string& src, const std::string& dst, std::uint8_t nextHeader,
           const Bytes& payload, const std::vector<Ipv6Extension>& extensions = {});
Ipv6Extension ipv6Fragment(std::uint16_t offset, bool more, std::uint32_t id);

Bytes ethernet(std::uint16_t ethertype, const Bytes& payload,
               const std::vector<std::pair<std::uint16_t, std::uint16_t>>& tags = {});
Bytes linuxSll(std::uint16_t protocol, const Bytes& payload);
Bytes linuxSll2(std::uint16_t protocol, const Bytes& payload);
Bytes bsdNull(std::uint32_t family, const Bytes& payload, bool bigEndian);

} // namespace tcpladder::test
