#include "frame_encoder.h"

#include "random.h"

#include <algorithm>
#include <cstring>

namespace tcpladder::bench {

namespace {

constexpr std::size_t bodyPatternPeriod = 1U << 16;
constexpr std::uint32_t ethernetBytes = 14;
constexpr std::uint32_t ipBytes = 20;

void put16(std::uint8_t* out, std::uint32_t value) {
    out[0] = static_cast<std::uint8_t>(value >> 8);
    out[1] = static_cast<std::uint8_t>(value);
}

void put32(std::uint8_t* out, std::uint32_t value) {
    put16(out, value >> 16);
    put16(out + 2, value);
}

// RFC 1071 one's-complement sum over native-order words: the result is stored back in native
// order, which is what makes the byte order irrelevant. Eight bytes at a time with an
// end-around carry keeps a full-size segment well under a hundred nanoseconds.
std::uint64_t addWords(const std::uint8_t* data, std::size_t length, std::uint64_t sum) {
    while (length >= 8) {
        std::uint64_t word;
        std::memcpy(&word, data, 8);
        sum += word;
        sum += sum < word ? 1 : 0;
        data += 8;
        length -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, data, length);
    sum += tail;
    sum += sum < tail ? 1 : 0;
    return sum;
}

std::uint16_t foldChecksum(std::uint64_t sum) {
    sum = (sum & 0xffffffffU) + (sum >> 32);
    sum = (sum & 0xffffffffU) + (sum >> 32);
    sum = (sum & 0xffffU) + (sum >> 16);
    sum = (sum & 0xffffU) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

} // namespace

FrameEncoder::FrameEncoder(std::uint32_t snaplen, std::uint16_t segmentPayload, std::uint64_t seed)
    : m_snaplen(snaplen), m_mssOption(static_cast<std::uint16_t>(segmentPayload + 12)),
      m_bodyPattern(bodyPatternPeriod + segmentPayload), m_payloadScratch(segmentPayload) {
    Random random(seed ^ 0x626f6479ULL);
    for (auto& byte : m_bodyPattern) {
        byte = static_cast<std::uint8_t>(random.next() >> 56);
    }
    // The tail repeats the head, so any segment of the body is one contiguous slice.
    std::copy_n(m_bodyPattern.begin(), segmentPayload, m_bodyPattern.begin() + bodyPatternPeriod);
}

const std::uint8_t* FrameEncoder::payloadBytes(const Connection& connection,
                                               const PacketSpec& packet) {
    const auto* request = reinterpret_cast<const std::uint8_t*>(connection.request.data());
    if (packet.fromClient) {
        return request + packet.payloadOffset;
    }
    const std::string& header = connection.responseHeader;
    const std::size_t offset = packet.payloadOffset;
    if (connection.tls)
        return tlsPayload(connection, packet);
    if (offset >= header.size()) {
        return m_bodyPattern.data() + (offset - header.size()) % bodyPatternPeriod;
    }
    const std::size_t fromHeader = std::min<std::size_t>(packet.payloadLen, header.size() - offset);
    std::memcpy(m_payloadScratch.data(), header.data() + offset, fromHeader);
    std::memcpy(m_payloadScratch.data() + fromHeader, m_bodyPattern.data(),
                packet.payloadLen - fromHeader);
    return m_payloadScratch.data();
}

// The body as application data records of at most 16 KiB: the pattern, with
// each record's 5-byte header written where it falls.
const std::uint8_t* FrameEncoder::tlsPayload(const Connection& connection,
                                             const PacketSpec& packet) {
    constexpr std::size_t kRecord = 16384;
    const std::string& header = connection.responseHeader;
    const std::size_t end = header.size() + connection.tlsBodyBytes;
    for (std::size_t i = 0; i < packet.payloadLen; ++i) {
        const std::size_t at = packet.payloadOffset + i;
        std::uint8_t byte = 0;
        if (at < header.size()) {
            byte = static_cast<std::uint8_t>(header[at]);
        } else {
            const std::size_t body = at - header.size();
            const std::size_t inRecord = body % (kRecord + 5);
            const std::size_t recordStart = at - inRecord;
            const std::size_t length = std::min(kRecord, end - recordStart - 5);
            const std::uint8_t recordHeader[5] = {23, 3, 3, static_cast<std::uint8_t>(length >> 8),
                                                  static_cast<std::uint8_t>(length & 0xff)};
            byte = inRecord < 5 ? recordHeader[inRecord] : m_bodyPattern[body % bodyPatternPeriod];
        }
        m_payloadScratch[i] = byte;
    }
    return m_payloadScratch.data();
}

std::uint32_t FrameEncoder::encodeHeaders(const Connection& connection, const PacketSpec& packet) {
    const Endpoints& ends = connection.endpoints;
    std::uint8_t* eth = m_headers;
    std::memcpy(eth, packet.fromClient ? ends.routerMac.data() : ends.clientMac.data(), 6);
    std::memcpy(eth + 6, packet.fromClient ? ends.clientMac.data() : ends.routerMac.data(), 6);
    put16(eth + 12, 0x0800);

    std::uint8_t* tcp = m_headers + ethernetBytes + ipBytes;
    std::uint8_t* options = tcp + 20;
    std::uint32_t optionBytes = 0;
    if (packet.options == OptionLayout::Handshake) {
        // Linux's order: MSS, SACK permitted, timestamps, NOP, window scale.
        const std::uint8_t layout[20] = {2, 4, 0, 0, 4, 2, 8, 10, 0, 0,
                                         0, 0, 0, 0, 0, 0, 1, 3,  3, 7};
        std::memcpy(options, layout, sizeof layout);
        put16(options + 2, m_mssOption);
        put32(options + 8, packet.tsVal);
        put32(options + 12, packet.tsEcr);
        optionBytes = 20;
    } else if (packet.options == OptionLayout::Timestamps) {
        const std::uint8_t layout[4] = {1, 1, 8, 10};
        std::memcpy(options, layout, sizeof layout);
        put32(options + 4, packet.tsVal);
        put32(options + 8, packet.tsEcr);
        optionBytes = 12;
        if (packet.sackCount > 0) {
            std::uint8_t* sack = options + 12;
            sack[0] = 1;
            sack[1] = 1;
            sack[2] = 5;
            sack[3] = static_cast<std::uint8_t>(2 + 8 * packet.sackCount);
            for (std::uint8_t i = 0; i < packet.sackCount; ++i) {
                put32(sack + 4 + 8 * i, packet.sack[i].left);
                put32(sack + 8 + 8 * i, packet.sack[i].right);
            }
            optionBytes += 4 + 8U * packet.sackCount;
        }
    }
    const std::uint32_t tcpBytes = 20 + optionBytes;
    put16(tcp, packet.fromClient ? ends.clientPort : ends.serverPort);
    put16(tcp + 2, packet.fromClient ? ends.serverPort : ends.clientPort);
    put32(tcp + 4, packet.seq);
    put32(tcp + 8, packet.ack);
    tcp[12] = static_cast<std::uint8_t>((tcpBytes / 4) << 4);
    tcp[13] = packet.flags;
    put16(tcp + 14, packet.window);
    put16(tcp + 16, 0);
    put16(tcp + 18, 0);

    std::uint8_t* ip = m_headers + ethernetBytes;
    ip[0] = 0x45;
    ip[1] = 0;
    put16(ip + 2, ipBytes + tcpBytes + packet.payloadLen);
    put16(ip + 4, packet.ipId);
    put16(ip + 6, 0x4000); // don't fragment, as Linux sets with path MTU discovery
    ip[8] = packet.fromClient ? ends.clientTtl : ends.serverTtl;
    ip[9] = 6;
    put16(ip + 10, 0);
    put32(ip + 12, packet.fromClient ? ends.clientIp : ends.serverIp);
    put32(ip + 16, packet.fromClient ? ends.serverIp : ends.clientIp);
    const std::uint16_t ipChecksum = foldChecksum(addWords(ip, ipBytes, 0));
    std::memcpy(ip + 10, &ipChecksum, 2);
    return tcpBytes;
}

std::uint32_t FrameEncoder::write(PcapOutput& output, const Connection& connection,
                                  const PacketSpec& packet) {
    const std::uint32_t tcpBytes = encodeHeaders(connection, packet);
    const std::uint32_t headerBytes = ethernetBytes + ipBytes + tcpBytes;
    const std::uint8_t* payload = packet.payloadLen ? payloadBytes(connection, packet) : nullptr;

    std::uint8_t pseudo[12];
    std::memcpy(pseudo, m_headers + ethernetBytes + 12, 8);
    pseudo[8] = 0;
    pseudo[9] = 6;
    put16(pseudo + 10, tcpBytes + packet.payloadLen);
    std::uint64_t sum = addWords(pseudo, sizeof pseudo, 0);
    sum = addWords(m_headers + ethernetBytes + ipBytes, tcpBytes, sum);
    if (payload) {
        sum = addWords(payload, packet.payloadLen, sum);
    }
    const std::uint16_t tcpChecksum = foldChecksum(sum);
    std::memcpy(m_headers + ethernetBytes + ipBytes + 16, &tcpChecksum, 2);

    const std::uint32_t frameBytes = headerBytes + packet.payloadLen;
    const std::uint32_t captured = std::min(frameBytes, m_snaplen);
    std::uint8_t* out = output.appendRecord(packet.timeNs, captured, frameBytes);
    const std::uint32_t headerCaptured = std::min(headerBytes, captured);
    std::memcpy(out, m_headers, headerCaptured);
    if (captured > headerBytes) {
        std::memcpy(out + headerBytes, payload, captured - headerBytes);
    }
    return 16 + captured;
}

} // namespace tcpladder::bench
