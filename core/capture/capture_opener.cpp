#include "capture/capture_opener.h"

#include "capture/libpcap_source.h"
#include "capture/pcapng_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace tcpladder {
namespace {

enum class Format { Pcap, Pcapng };

struct Magic {
    std::uint8_t bytes[4];
    Format format;
    std::size_t headerSize; // smallest valid file header (pcapng: an option-less SHB)
    bool microseconds;      // a pcap file's records count microseconds
};

constexpr Magic kMagics[] = {
    {{0xd4, 0xc3, 0xb2, 0xa1}, Format::Pcap, 24, true},  // little-endian
    {{0xa1, 0xb2, 0xc3, 0xd4}, Format::Pcap, 24, true},  // big-endian
    {{0x4d, 0x3c, 0xb2, 0xa1}, Format::Pcap, 24, false}, // nanoseconds, little-endian
    {{0xa1, 0xb2, 0x3c, 0x4d}, Format::Pcap, 24, false}, // nanoseconds, big-endian
    {{0x34, 0xcd, 0xb2, 0xa1},
     Format::Pcap,
     24,
     true}, // Kuznetzov's patched pcap, which libpcap reads
    {{0xa1, 0xb2, 0xcd, 0x34}, Format::Pcap, 24, true},
    {{0x0a, 0x0d, 0x0d, 0x0a}, Format::Pcapng, 28, false},
};
constexpr std::size_t kHeadSize = 28;

// Where the capture's bytes are, so that a second reader can start again
// from the first byte.
class Origin {
public:
    explicit Origin(std::string path) : m_path(std::move(path)) {}
    Origin(const std::uint8_t* data, std::size_t size)
        : m_data(data), m_size(size), m_inMemory(true) {}

    // A new stream at the start; nullptr with errno set when that fails.
    FILE* open() const {
        if (!m_inMemory)
            return std::fopen(m_path.c_str(), "rb");
        // Read-only mode: fmemopen never writes through the pointer.
        return fmemopen(const_cast<std::uint8_t*>(m_data), m_size, "rb");
    }

private:
    std::string m_path;
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_inMemory = false;
};

Result<std::vector<std::uint8_t>> readHead(const Origin& origin) {
    FILE* file = origin.open();
    if (!file)
        return Error{std::strerror(errno)};
    std::vector<std::uint8_t> head(kHeadSize);
    const std::size_t got = std::fread(head.data(), 1, head.size(), file);
    const int readErrno = errno;
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) // e.g. a directory
        return Error{std::strerror(readErrno)};
    head.resize(got);
    return head;
}

std::string describeBytes(const std::vector<std::uint8_t>& head) {
    std::string text;
    for (std::size_t i = 0; i < std::min<std::size_t>(head.size(), 4); ++i) {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%s%02x", i == 0 ? "" : " ", head[i]);
        text += hex;
    }
    return text;
}

// Our own words for the common failures, which libpcap words vaguely
// ("unknown file format", "truncated dump file; tried to read 4 file header bytes").
Result<Magic> sniffFormat(const std::vector<std::uint8_t>& head) {
    if (head.empty())
        return Error{"empty file"};
    for (const Magic& magic : kMagics) {
        const std::size_t compared = std::min<std::size_t>(head.size(), 4);
        if (std::memcmp(head.data(), magic.bytes, compared) != 0)
            continue;
        if (head.size() < magic.headerSize)
            return Error{"truncated file header (" + std::to_string(head.size()) + " of " +
                         std::to_string(magic.headerSize) + " bytes)"};
        return magic;
    }
    return Error{"not a pcap or pcapng file (starts with bytes " + describeBytes(head) + ")"};
}

// libpcap reads what it accepts; where it gives up partway through a pcapng
// file (interfaces that differ in link type or snapshot length), the own
// reader starts again on the same bytes and skips what libpcap delivered.
class PcapngFallbackSource final : public PacketSource {
public:
    PcapngFallbackSource(std::unique_ptr<LibpcapSource> libpcap, Origin origin)
        : m_libpcap(std::move(libpcap)), m_origin(std::move(origin)) {}

    ReadStatus next(RawPacket& packet) override {
        if (m_own)
            return m_own->next(packet);
        if (m_failed)
            return ReadStatus::Error;
        const ReadStatus status = m_libpcap->next(packet);
        if (status == ReadStatus::Packet)
            ++m_delivered;
        if (status != ReadStatus::Error)
            return status;
        return takeOver(packet);
    }

    std::string errorMessage() const override {
        return m_own ? m_own->errorMessage() : m_libpcapError;
    }
    int linkType() const override { return m_own ? m_own->linkType() : m_libpcap->linkType(); }
    std::uint64_t bytesRead() const override {
        return m_own ? m_own->bytesRead() : m_libpcap->bytesRead();
    }

private:
    ReadStatus takeOver(RawPacket& packet) {
        m_failed = true;
        m_libpcapError = m_libpcap->errorMessage();
        FILE* file = m_origin.open();
        if (!file)
            return ReadStatus::Error;
        auto own = PcapngReader::openStream(file);
        // If the own reader cannot even reach libpcap's stopping point,
        // libpcap's message is the one that explains the stop.
        if (!own.ok() || !own.value()->skipPackets(m_delivered))
            return ReadStatus::Error;
        m_own = std::move(own.value());
        m_libpcap.reset();
        return m_own->next(packet);
    }

    std::unique_ptr<LibpcapSource> m_libpcap;
    std::unique_ptr<PcapngReader> m_own;
    Origin m_origin;
    std::uint64_t m_delivered = 0;
    bool m_failed = false;
    std::string m_libpcapError;
};

Result<std::unique_ptr<PacketSource>> openFrom(const Origin& origin) {
    auto head = readHead(origin);
    if (!head.ok())
        return Error{head.error()};
    const auto format = sniffFormat(head.value());
    if (!format.ok())
        return Error{format.error()};

    FILE* file = origin.open();
    if (!file)
        return Error{std::strerror(errno)};
    auto libpcap = LibpcapSource::openStream(file, format.value().microseconds);
    if (libpcap.ok()) {
        if (format.value().format == Format::Pcap)
            return std::unique_ptr<PacketSource>(std::move(libpcap.value()));
        return std::unique_ptr<PacketSource>(
            std::make_unique<PcapngFallbackSource>(std::move(libpcap.value()), origin));
    }
    if (format.value().format == Format::Pcap)
        return Error{libpcap.error()};

    // libpcap refuses some valid pcapng files already at open; its own
    // reader's message says where a really broken file breaks.
    file = origin.open();
    if (!file)
        return Error{std::strerror(errno)};
    auto own = PcapngReader::openStream(file);
    if (!own.ok())
        return Error{own.error()};
    return std::unique_ptr<PacketSource>(std::move(own.value()));
}

} // namespace

Result<std::unique_ptr<PacketSource>> openCapture(const std::string& path) {
    return openFrom(Origin(path));
}

Result<std::unique_ptr<PacketSource>> openCaptureInMemory(const std::uint8_t* data,
                                                          std::size_t size) {
    if (size == 0) // fmemopen refuses an empty buffer
        return Error{"empty file"};
    return openFrom(Origin(data, size));
}

} // namespace tcpladder
