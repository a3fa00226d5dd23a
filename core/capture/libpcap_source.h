#pragma once

#include "capture/packet_source.h"
#include "common/result.h"

#include <cstdio>
#include <memory>
#include <string>

struct pcap;

namespace tcpladder {

// Reads pcap and pcapng through libpcap, always at nanosecond precision.
class LibpcapSource final : public PacketSource {
public:
    // Takes ownership of `file` (e.g. an fmemopen() stream, as the fuzzer uses).
    // `microsecondFile`: a classic pcap whose magic says microseconds (the
    // opener has read it), so damaged sub-second fields read as Wireshark
    // reads them.
    static Result<std::unique_ptr<LibpcapSource>> openStream(FILE* file, bool microsecondFile);
    ~LibpcapSource() override;

    ReadStatus next(RawPacket& packet) override;
    std::string errorMessage() const override { return m_error; }
    int linkType() const override { return m_linkType; }
    std::uint64_t bytesRead() const override { return m_offset; }

private:
    LibpcapSource(pcap* handle, std::unique_ptr<char[]> streamBuffer, bool isPcapng,
                  bool microsecondFile);
    void setTimestamp(RawPacket& packet, std::int64_t seconds, std::int64_t subsecond) const;

    pcap* m_handle;
    std::unique_ptr<char[]> m_streamBuffer; // outlives the stream, closed in the destructor body
    bool m_isPcapng;
    bool m_microsecondFile;
    int m_linkType;
    std::uint64_t m_offset;
    // Whether the next offset is this one plus a 16-byte record header and
    // the captured length (see next()), and how many records are still
    // checked against ftell() before that is trusted.
    bool m_offsetByLength;
    int m_offsetChecks = 64;
    std::string m_error;
};

} // namespace tcpladder
