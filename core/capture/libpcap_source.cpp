#include "capture/libpcap_source.h"

#include <pcap/pcap.h>

namespace tcpladder {
namespace {

constexpr std::size_t kStreamBufferSize = 1 << 20;

std::string stripTrailingNewline(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

} // namespace

LibpcapSource::LibpcapSource(pcap* handle, std::unique_ptr<char[]> streamBuffer, bool isPcapng,
                             bool microsecondFile)
    : m_handle(handle), m_streamBuffer(std::move(streamBuffer)), m_isPcapng(isPcapng),
      m_microsecondFile(microsecondFile), m_linkType(pcap_datalink(handle)),
      m_offset(static_cast<std::uint64_t>(std::ftell(pcap_file(handle)))),
      m_offsetByLength(!isPcapng) {}

LibpcapSource::~LibpcapSource() {
    pcap_close(m_handle);
}

// Times as Wireshark reads them, which differs from libpcap for damaged
// fields: a pcap record's seconds are unsigned 32-bit, and its sub-second
// field becomes nanoseconds in 32-bit arithmetic (so 2^31 microseconds wrap).
void LibpcapSource::setTimestamp(RawPacket& packet, std::int64_t seconds,
                                 std::int64_t subsecond) const {
    std::int64_t nanoseconds = subsecond;
    if (!m_isPcapng) {
        seconds = static_cast<std::uint32_t>(seconds);
        const auto field =
            static_cast<std::uint32_t>(m_microsecondFile ? subsecond / 1000 : subsecond);
        nanoseconds = static_cast<std::int32_t>(m_microsecondFile ? field * 1000u : field);
    }
    packet.epochSecond = seconds;
    // Unsigned arithmetic: a hostile timestamp wraps instead of overflowing.
    packet.timestamp = static_cast<TimeNs>(static_cast<std::uint64_t>(seconds) * kNsPerSecond +
                                           static_cast<std::uint64_t>(nanoseconds));
}

Result<std::unique_ptr<LibpcapSource>> LibpcapSource::openStream(FILE* file, bool microsecondFile) {
    // libpcap reads record by record through stdio; a large buffer turns that
    // into few large reads instead of a syscall every few packets. (glibc
    // ignores the size unless it is given the buffer too.)
    auto streamBuffer = std::make_unique<char[]>(kStreamBufferSize);
    std::setvbuf(file, streamBuffer.get(), _IOFBF, kStreamBufferSize);
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    // libpcap takes over the stream only when it succeeds.
    pcap* handle =
        pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!handle) {
        std::fclose(file);
        return Error{stripTrailingNewline(errbuf)};
    }
    // libpcap reports a pcapng file's section version (1.0 or 1.2); pcap files are 2.x.
    const bool isPcapng = pcap_major_version(handle) == 1;
    return std::unique_ptr<LibpcapSource>(
        new LibpcapSource(handle, std::move(streamBuffer), isPcapng, microsecondFile));
}

// Offsets come from the stream's position where the record's lengths cannot
// tell it: libpcap cuts a record longer than the snapshot length down to it,
// Kuznetzov's and Nokia's records have longer headers, and pcapng blocks
// vary. Elsewhere a pcap record is its 16-byte header and its captured
// bytes: ftell() costs a fifth of the reading thread through the opener's
// stream, so it only checks the sum on the first records, and takes over
// for good if they disagree.
ReadStatus LibpcapSource::next(RawPacket& packet) {
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int rc = pcap_next_ex(m_handle, &header, &data);
    if (rc == PCAP_ERROR_BREAK) {
        // Blocks after the last packet (statistics, say) count as read too.
        m_offset = static_cast<std::uint64_t>(std::ftell(pcap_file(m_handle)));
        return ReadStatus::End;
    }
    if (rc != 1) {
        m_error = stripTrailingNewline(pcap_geterr(m_handle));
        return ReadStatus::Error;
    }
    packet.fileOffset = m_offset;
    constexpr std::uint64_t kRecordHeader = 16;
    const bool uncut = header->caplen < static_cast<bpf_u_int32>(pcap_snapshot(m_handle));
    if (m_offsetByLength && uncut && m_offsetChecks == 0) {
        m_offset += kRecordHeader + header->caplen;
    } else {
        const std::uint64_t summed = m_offset + kRecordHeader + header->caplen;
        m_offset = static_cast<std::uint64_t>(std::ftell(pcap_file(m_handle)));
        if (uncut && m_offsetChecks > 0) {
            --m_offsetChecks;
            m_offsetByLength = m_offsetByLength && summed == m_offset;
        }
    }
    setTimestamp(packet, header->ts.tv_sec, header->ts.tv_usec);
    packet.capturedLength = header->caplen;
    packet.originalLength = header->len;
    packet.linkType = m_linkType;
    packet.data = data;
    return ReadStatus::Packet;
}

} // namespace tcpladder
