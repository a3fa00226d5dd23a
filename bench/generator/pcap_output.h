#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace tcpladder::bench {

// A classic pcap file (LINKTYPE_ETHERNET) written through one large buffer: at ten million
// packets the cost of a write call per packet would dominate the generator.
class PcapOutput {
public:
    PcapOutput() = default;
    PcapOutput(const PcapOutput&) = delete;
    PcapOutput& operator=(const PcapOutput&) = delete;
    ~PcapOutput();

    bool open(const std::string& path, std::uint32_t snaplen, bool nanoseconds, std::string& error);
    // Appends a record header and returns where its capturedLength bytes go.
    std::uint8_t* appendRecord(std::int64_t timeNs, std::uint32_t capturedLength,
                               std::uint32_t originalLength);
    bool close(std::string& error);
    std::uint64_t bytesWritten() const { return m_flushed + m_used; }

private:
    bool flush();

    std::FILE* m_file = nullptr;
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_used = 0;
    std::uint64_t m_flushed = 0;
    bool m_nanoseconds = false;
    bool m_failed = false;
};

} // namespace tcpladder::bench
