#pragma once

#include "packet_spec.h"
#include "pcap_output.h"

#include <cstdint>
#include <vector>

namespace tcpladder::bench {

// Turns a PacketSpec into Ethernet/IPv4/TCP bytes with correct IP and TCP checksums. Payload
// bytes come from the connection's HTTP text or TLS records and a fixed pseudo-random body pattern,
// so they are never stored per packet and a truncated frame still carries a checksum over the full
// one.
class FrameEncoder {
public:
    FrameEncoder(std::uint32_t snaplen, std::uint16_t segmentPayload, std::uint64_t seed);

    // Returns the number of bytes the record took in the file.
    std::uint32_t write(PcapOutput& output, const Connection& connection, const PacketSpec& packet);

private:
    const std::uint8_t* payloadBytes(const Connection& connection, const PacketSpec& packet);
    const std::uint8_t* tlsPayload(const Connection& connection, const PacketSpec& packet);
    std::uint32_t encodeHeaders(const Connection& connection, const PacketSpec& packet);

    std::uint32_t m_snaplen;
    std::uint16_t m_mssOption;
    std::vector<std::uint8_t> m_bodyPattern;
    std::vector<std::uint8_t> m_payloadScratch;
    std::uint8_t m_headers[14 + 20 + 60] = {};
};

} // namespace tcpladder::bench
