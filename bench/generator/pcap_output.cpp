#include "pcap_output.h"

#include <cerrno>
#include <cstring>

namespace tcpladder::bench {

namespace {

constexpr std::size_t bufferBytes = 8U << 20;
constexpr std::size_t maxRecordBytes = 16 + 65536;

void put32(std::uint8_t* out, std::uint32_t value) {
    // pcap records are in the writer's byte order; readers detect it from the magic number.
    std::memcpy(out, &value, sizeof value);
}

} // namespace

PcapOutput::~PcapOutput() {
    if (m_file) {
        std::fclose(m_file);
    }
}

bool PcapOutput::open(const std::string& path, std::uint32_t snaplen, bool nanoseconds,
                      std::string& error) {
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    m_nanoseconds = nanoseconds;
    m_buffer.resize(bufferBytes);
    std::uint8_t* header = m_buffer.data();
    put32(header, nanoseconds ? 0xa1b23c4dU : 0xa1b2c3d4U);
    const std::uint16_t versionMajor = 2;
    const std::uint16_t versionMinor = 4;
    std::memcpy(header + 4, &versionMajor, 2);
    std::memcpy(header + 6, &versionMinor, 2);
    put32(header + 8, 0);  // thiszone
    put32(header + 12, 0); // sigfigs
    put32(header + 16, snaplen);
    put32(header + 20, 1); // LINKTYPE_ETHERNET
    m_used = 24;
    return true;
}

std::uint8_t* PcapOutput::appendRecord(std::int64_t timeNs, std::uint32_t capturedLength,
                                       std::uint32_t originalLength) {
    if (m_used + maxRecordBytes > m_buffer.size()) {
        flush();
    }
    std::uint8_t* record = m_buffer.data() + m_used;
    const std::int64_t seconds = timeNs / 1'000'000'000;
    const std::int64_t fraction = timeNs % 1'000'000'000;
    put32(record, static_cast<std::uint32_t>(seconds));
    put32(record + 4, static_cast<std::uint32_t>(m_nanoseconds ? fraction : fraction / 1000));
    put32(record + 8, capturedLength);
    put32(record + 12, originalLength);
    m_used += 16 + capturedLength;
    return record + 16;
}

bool PcapOutput::flush() {
    if (m_used > 0 && !m_failed && std::fwrite(m_buffer.data(), 1, m_used, m_file) != m_used) {
        m_failed = true;
    }
    m_flushed += m_used;
    m_used = 0;
    return !m_failed;
}

bool PcapOutput::close(std::string& error) {
    const bool flushed = flush();
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!flushed || !closed) {
        error = std::string("write failed: ") + std::strerror(errno);
        return false;
    }
    return true;
}

} // namespace tcpladder::bench
