#include "capture/libpcap_source.h"

#include <pcap/pcap.h>

#include <cerrno>
#include <cstring>

namespace tcpladder {
namespace {

constexpr std::uint64_t kPcapFileHeaderSize = 24;
constexpr std::uint64_t kPcapRecordHeaderSize = 16;

std::string stripTrailingNewline(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

} // namespace

LibpcapSource::LibpcapSource(pcap* handle, bool isPcapng)
    : m_handle(handle), m_isPcapng(isPcapng), m_linkType(pcap_datalink(handle)),
      m_offset(kPcapFileHeaderSize) {}

LibpcapSource::~LibpcapSource() { pcap_close(m_handle); }

Result<std::unique_ptr<LibpcapSource>> LibpcapSource::open(const std::string& path) {
    FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        return Error{std::string(std::strerror(errno))};
    return openStream(file);
}

Result<std::unique_ptr<LibpcapSource>> LibpcapSource::openStream(FILE* file) {
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    // libpcap takes over the stream only when it succeeds.
    pcap* handle = pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!handle) {
        std::fclose(file);
        return Error{stripTrailingNewline(errbuf)};
    }
    // libpcap reports a pcapng file's section version (1.0 or 1.2); pcap files are 2.x.
    const bool isPcapng = pcap_major_version(handle) == 1;
    return std::unique_ptr<LibpcapSource>(new LibpcapSource(handle, isPcapng));
}

ReadStatus LibpcapSource::next(RawPacket& packet) {
    const long before = m_isPcapng ? std::ftell(pcap_file(m_handle)) : 0;
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int rc = pcap_next_ex(m_handle, &header, &data);
    if (rc == PCAP_ERROR_BREAK)
        return ReadStatus::End;
    if (rc != 1) {
        m_error = stripTrailingNewline(pcap_geterr(m_handle));
        return ReadStatus::Error;
    }
    // For pcap the record offset follows from the lengths; pcapng blocks vary.
    packet.fileOffset = m_isPcapng ? static_cast<std::uint64_t>(before) : m_offset;
    m_offset = m_isPcapng ? static_cast<std::uint64_t>(std::ftell(pcap_file(m_handle)))
                          : m_offset + kPcapRecordHeaderSize + header->caplen;
    // Unsigned arithmetic: a hostile timestamp wraps instead of overflowing.
    packet.timestamp = static_cast<TimeNs>(static_cast<std::uint64_t>(header->ts.tv_sec) *
                                               static_cast<std::uint64_t>(kNsPerSecond) +
                                           static_cast<std::uint64_t>(header->ts.tv_usec));
    packet.capturedLength = header->caplen;
    packet.originalLength = header->len;
    packet.linkType = m_linkType;
    packet.data = data;
    return ReadStatus::Packet;
}

} // namespace tcpladder
