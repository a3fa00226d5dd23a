#include "load/non_tcp_frames.h"

#include "capture/link_types.h"

#include <algorithm>
#include <cstdio>

namespace tcpladder {
namespace {

std::string hex16(const char* prefix, unsigned number) {
    char text[48];
    std::snprintf(text, sizeof text, "%s0x%04x", prefix, number);
    return text;
}

std::string ethertypeName(unsigned type) {
    switch (type) {
    case 0x0806:
        return "ARP";
    case 0x8035:
        return "RARP";
    case 0x88CC:
        return "LLDP";
    case 0x888E:
        return "EAPOL";
    case 0x8863:
        return "PPPoE discovery";
    case 0x8809:
        return "LACP";
    case 0x88F7:
        return "PTP";
    case 0x8906:
        return "FCoE";
    case 0x88E5:
        return "MACsec";
    case 0x9000:
        return "Ethernet loopback";
    case 0x0842:
        return "Wake-on-LAN";
    case 0x8137:
        return "IPX";
    // Cisco's SNAP protocol ids, which the decoder reads where an ethertype would be.
    case 0x2000:
        return "CDP";
    case 0x2003:
        return "VTP";
    case 0x2004:
        return "DTP";
    case 0x010B:
        return "PVST+";
    default:
        // Below 0x0600 the field is an 802.3 length (an LLC frame behind a VLAN tag).
        return type < 0x0600 ? "LLC" : hex16("ethertype ", type);
    }
}

std::string llcName(unsigned dsap) {
    switch (dsap) {
    case 0x42:
        return "STP";
    case 0xE0:
        return "IPX";
    case 0xF0:
        return "NetBIOS";
    case 0xFE:
        return "OSI (IS-IS, CLNP)";
    default:
        return "LLC";
    }
}

std::string ipProtocolName(unsigned protocol) {
    switch (protocol) {
    case 1:
        return "ICMP";
    case 2:
        return "IGMP";
    case 17:
        return "UDP";
    case 33:
        return "DCCP";
    case 47:
        return "GRE";
    case 50:
        return "ESP";
    case 51:
        return "AH";
    case 58:
        return "ICMPv6";
    case 59:
        return "IPv6 no next header";
    case 88:
        return "EIGRP";
    case 89:
        return "OSPF";
    case 103:
        return "PIM";
    case 112:
        return "VRRP";
    case 132:
        return "SCTP";
    case 136:
        return "UDP-Lite";
    default:
        return "IP protocol " + std::to_string(protocol);
    }
}

std::string pppName(unsigned protocol) {
    switch (protocol) {
    case 0xC021:
        return "PPP LCP";
    case 0x8021:
        return "PPP IPCP";
    case 0x8057:
        return "PPP IPv6CP";
    case 0xC023:
        return "PPP PAP";
    case 0xC223:
        return "PPP CHAP";
    default:
        return hex16("PPP protocol ", protocol);
    }
}

std::string protocolName(const ProtocolSeen& seen) {
    switch (seen.space) {
    case ProtocolSpace::LinkType:
        return linkTypeDescription(seen.number);
    case ProtocolSpace::Ethertype:
        return ethertypeName(seen.number);
    case ProtocolSpace::Llc:
        return llcName(seen.number);
    case ProtocolSpace::PppProtocol:
        return pppName(seen.number);
    case ProtocolSpace::AddressFamily:
        return "loopback family " + std::to_string(seen.number);
    case ProtocolSpace::IpVersion:
        return "IP version " + std::to_string(seen.number);
    case ProtocolSpace::IpProtocol:
        return ipProtocolName(seen.number);
    case ProtocolSpace::None:
        break;
    }
    return "other";
}

} // namespace

std::string nonTcpKind(const FrameMiss& miss) {
    switch (miss.miss) {
    case DecodeMiss::Truncated:
        return "truncated";
    case DecodeMiss::Malformed:
        return "malformed";
    case DecodeMiss::FragmentPending:
        return "IP fragment";
    case DecodeMiss::None:
    case DecodeMiss::NotTcp:
    case DecodeMiss::UnsupportedLinkType:
    case DecodeMiss::IcmpQuote:
        break;
    }
    return protocolName(miss.protocol);
}

void NonTcpTally::add(const FrameMiss& miss) {
    const std::uint32_t key = static_cast<std::uint32_t>(miss.miss) << 24 |
                              static_cast<std::uint32_t>(miss.protocol.space) << 16 |
                              miss.protocol.number;
    ++m_frames[key];
}

std::vector<NonTcpCount> NonTcpTally::counts() const {
    std::map<std::string, NonTcpCount> byKind;
    for (const auto& [key, frames] : m_frames) {
        FrameMiss miss;
        miss.miss = static_cast<DecodeMiss>(key >> 24);
        miss.protocol = {static_cast<ProtocolSpace>((key >> 16) & 0xFF),
                         static_cast<std::uint16_t>(key & 0xFFFF)};
        const std::string kind = nonTcpKind(miss);
        NonTcpCount& count = byKind[kind];
        count.kind = kind;
        count.frames += frames;
        count.otherProtocol = miss.miss != DecodeMiss::Truncated &&
                              miss.miss != DecodeMiss::Malformed &&
                              miss.miss != DecodeMiss::FragmentPending;
    }
    std::vector<NonTcpCount> counts;
    for (const auto& [kind, count] : byKind)
        counts.push_back(count);
    std::stable_sort(counts.begin(), counts.end(), [](const NonTcpCount& a, const NonTcpCount& b) {
        return a.frames > b.frames;
    });
    return counts;
}

} // namespace tcpladder
