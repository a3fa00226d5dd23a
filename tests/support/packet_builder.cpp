#include "packet_builder.h"

#include <arpa/inet.h>

namespace tcpladder::test {
namespace {

void put16(Bytes& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value));
}

void put32(Bytes& out, std::uint32_t value) {
    put16(out, static_cast<std::uint16_t>(value >> 16));
    put16(out, static_cast<std::uint16_t>(value));
}

void append(Bytes& out, const Bytes& more) {
    out.insert(out.end(), more.begin(), more.end());
}

void padTo(Bytes& bytes, std::size_t multiple, std::uint8_t filler) {
    while (bytes.size() % multiple)
        bytes.push_back(filler);
}

Bytes addressBytes(const std::string& text, int family) {
    Bytes bytes(family == AF_INET ? 4 : 16);
    inet_pton(family, text.c_str(), bytes.data());
    return bytes;
}

} // namespace

Bytes concat(const std::vector<Bytes>& parts) {
    Bytes out;
    for (const Bytes& part : parts)
        append(out, part);
    return out;
}

Bytes tcp(const TcpSpec& spec) {
    Bytes options = spec.options;
    padTo(options, 4, 1);
    Bytes out;
    put16(out, spec.srcPort);
    put16(out, spec.dstPort);
    put32(out, spec.seq);
    put32(out, spec.ack);
    out.push_back(static_cast<std::uint8_t>((20 + options.size()) / 4 << 4));
    out.push_back(spec.flags);
    put16(out, spec.window);
    put32(out, 0); // checksum, urgent pointer
    append(out, options);
    out.resize(out.size() + spec.payloadLength, 0x61);
    return out;
}

Bytes udp(std::uint16_t srcPort, std::uint16_t dstPort, const Bytes& payload) {
    Bytes out;
    put16(out, srcPort);
    put16(out, dstPort);
    put16(out, static_cast<std::uint16_t>(8 + payload.size()));
    put16(out, 0);
    append(out, payload);
    return out;
}

Bytes mssOption(std::uint16_t mss) {
    Bytes out{2, 4};
    put16(out, mss);
    return out;
}

Bytes windowScaleOption(std::uint8_t shift) {
    return {3, 3, shift};
}

Bytes sackPermittedOption() {
    return {4, 2};
}

Bytes sackOption(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& blocks) {
    Bytes out{5, static_cast<std::uint8_t>(2 + 8 * blocks.size())};
    for (const auto& [left, right] : blocks) {
        put32(out, left);
        put32(out, right);
    }
    return out;
}

Bytes timestampOption(std::uint32_t value, std::uint32_t echo) {
    Bytes out{8, 10};
    put32(out, value);
    put32(out, echo);
    return out;
}

Bytes ipv4(const std::string& src, const std::string& dst, std::uint8_t protocol,
           const Bytes& payload, const Ipv4Spec& spec) {
    Bytes options = spec.options;
    padTo(options, 4, 0);
    const std::size_t headerLength = 20 + options.size();
    Bytes out;
    out.push_back(static_cast<std::uint8_t>(0x40 | headerLength / 4));
    out.push_back(0);
    put16(out, static_cast<std::uint16_t>(spec.totalLengthOverride >= 0
                                              ? spec.totalLengthOverride
                                              : headerLength + payload.size()));
    put16(out, spec.id);
    put16(out,
          static_cast<std::uint16_t>((spec.moreFragments ? 0x2000 : 0) | spec.fragmentOffset / 8));
    out.push_back(64);
    out.push_back(protocol);
    put16(out, 0);
    append(out, addressBytes(src, AF_INET));
    append(out, addressBytes(dst, AF_INET));
    append(out, options);
    append(out, payload);
    return out;
}

Ipv6Extension ipv6Fragment(std::uint16_t offset, bool more, std::uint32_t id) {
    Bytes body;
    put16(body, static_cast<std::uint16_t>(offset | (more ? 1 : 0)));
    put32(body, id);
    return {44, body};
}

Bytes ipv6(const std::string& src, const std::string& dst, std::uint8_t nextHeader,
           const Bytes& payload, const std::vector<Ipv6Extension>& extensions) {
    Bytes chain;
    for (std::size_t i = 0; i < extensions.size(); ++i) {
        const std::uint8_t next = i + 1 < extensions.size() ? extensions[i + 1].type : nextHeader;
        Bytes header{next, 0};
        append(header, extensions[i].body);
        if (extensions[i].type != 44) {
            padTo(header, 8, 0);
            header[1] = static_cast<std::uint8_t>(header.size() / 8 - 1);
        }
        append(chain, header);
    }
    Bytes out{0x60, 0, 0, 0};
    put16(out, static_cast<std::uint16_t>(chain.size() + payload.size()));
    out.push_back(extensions.empty() ? nextHeader : extensions.front().type);
    out.push_back(64);
    append(out, addressBytes(src, AF_INET6));
    append(out, addressBytes(dst, AF_INET6));
    append(out, chain);
    append(out, payload);
    return out;
}

Bytes ethernet(std::uint16_t ethertype, const Bytes& payload,
               const std::vector<std::pair<std::uint16_t, std::uint16_t>>& tags) {
    Bytes out{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    for (const auto& [tpid, tci] : tags) {
        put16(out, tpid);
        put16(out, tci);
    }
    put16(out, ethertype);
    append(out, payload);
    return out;
}

Bytes linuxSll(std::uint16_t protocol, const Bytes& payload) {
    Bytes out{0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0};
    put16(out, protocol);
    append(out, payload);
    return out;
}

Bytes linuxSll2(std::uint16_t protocol, const Bytes& payload) {
    Bytes out;
    put16(out, protocol);
    put16(out, 0);    // reserved
    put32(out, 2);    // interface index
    put16(out, 1);    // ARPHRD_ETHER
    out.push_back(0); // packet type
    out.push_back(6); // address length
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<std::uint8_t>(i));
    append(out, payload);
    return out;
}

Bytes bsdNull(std::uint32_t family, const Bytes& payload, bool bigEndian) {
    Bytes out;
    if (bigEndian) {
        put32(out, family);
    } else {
        for (int i = 0; i < 4; ++i)
            out.push_back(static_cast<std::uint8_t>(family >> (8 * i)));
    }
    append(out, payload);
    return out;
}

} // namespace tcpladder::test
