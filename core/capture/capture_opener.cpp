#include "capture/capture_opener.h"

#include "capture/capture_stream.h"
#include "capture/libpcap_source.h"
#include "capture/packet_rereader.h"
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
// from the first byte; and what the current stream says about its progress
// and failures.
class Origin {
public:
    explicit Origin(std::string path) : m_path(std::move(path)) {}
    Origin(const std::uint8_t* data, std::size_t size)
        : m_data(data), m_size(size), m_inMemory(true) {}

    // A new stream at the start, whose first bytes are in `head`.
    Result<FILE*> open(std::vector<std::uint8_t>& head) {
        // In memory too, so that a fuzzer's input reaches the decompressors.
        auto stream = m_inMemory ? openCaptureStreamInMemory(m_data, m_size, kHeadSize)
                                 : openCaptureStream(m_path, kHeadSize, m_index.get());
        if (!stream)
            return Error{stream.error()};
        head = std::move(stream->head);
        m_status = stream->status;
        m_compression = stream->compression;
        m_reopenable = stream->reopenable;
        return stream->file;
    }

    bool reopenable() const { return m_inMemory || m_reopenable; }
    // Bytes of the file itself read so far (before decompression); 0 when
    // the reader's own count is the better one.
    std::uint64_t compressedBytesRead() const {
        return m_status && m_compression != Compression::None ? m_status->fileBytesRead.load() : 0;
    }
    // A decompressor's or the file's own failure, which explains a reader's
    // stop better than "error reading dump file".
    std::string streamError() const { return m_status ? m_status->error() : std::string(); }

    Result<std::shared_ptr<PacketRereader>> rereader() const {
        if (m_inMemory)
            return Error{"read from memory: packet details are not available"};
        if (!m_reopenable)
            return Error{"read from a pipe: packet details and SACK blocks are not available"};
        return PacketRereader::open(m_path, m_index);
    }

private:
    std::string m_path;
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_inMemory = false;
    std::shared_ptr<CheckpointIndex> m_index = std::make_shared<CheckpointIndex>();
    std::shared_ptr<StreamStatus> m_status;
    Compression m_compression = Compression::None;
    bool m_reopenable = false;
};

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
    PcapngFallbackSource(std::unique_ptr<LibpcapSource> libpcap, std::shared_ptr<Origin> origin)
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
        std::vector<std::uint8_t> head;
        auto file = m_origin->open(head);
        if (!file)
            return ReadStatus::Error;
        auto own = PcapngReader::openStream(file.value());
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
    std::shared_ptr<Origin> m_origin;
    std::uint64_t m_delivered = 0;
    bool m_failed = false;
    std::string m_libpcapError;
};

// The reader the format needs, over the stream the origin gave: what the
// caller sees of the origin is its progress, its failures and its re-reader.
class OriginSource final : public PacketSource {
public:
    OriginSource(std::unique_ptr<PacketSource> reader, std::shared_ptr<Origin> origin)
        : m_reader(std::move(reader)), m_origin(std::move(origin)) {}

    ReadStatus next(RawPacket& packet) override { return m_reader->next(packet); }
    std::string errorMessage() const override {
        const std::string streamError = m_origin->streamError();
        return streamError.empty() ? m_reader->errorMessage() : streamError;
    }
    int linkType() const override { return m_reader->linkType(); }
    std::uint64_t bytesRead() const override {
        const std::uint64_t compressed = m_origin->compressedBytesRead();
        return compressed ? compressed : m_reader->bytesRead();
    }
    Result<std::shared_ptr<PacketRereader>> rereader() const override {
        return m_origin->rereader();
    }

private:
    std::unique_ptr<PacketSource> m_reader;
    std::shared_ptr<Origin> m_origin;
};

Result<std::unique_ptr<PacketSource>> openReader(const std::shared_ptr<Origin>& origin) {
    std::vector<std::uint8_t> head;
    auto file = origin->open(head);
    if (!file)
        return Error{file.error()};
    const auto format = sniffFormat(head);
    if (!format.ok()) {
        std::fclose(file.value());
        const std::string streamError = origin->streamError();
        return Error{streamError.empty() ? format.error() : streamError};
    }
    // A pipe cannot be read a second time, so the own reader takes pcapng
    // from it alone: libpcap could not hand over partway through.
    if (format.value().format == Format::Pcapng && !origin->reopenable()) {
        auto own = PcapngReader::openStream(file.value());
        if (!own.ok())
            return Error{own.error()};
        return std::unique_ptr<PacketSource>(std::move(own.value()));
    }
    auto libpcap = LibpcapSource::openStream(file.value(), format.value().microseconds);
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
    auto again = origin->open(head);
    if (!again)
        return Error{again.error()};
    auto own = PcapngReader::openStream(again.value());
    if (!own.ok())
        return Error{own.error()};
    return std::unique_ptr<PacketSource>(std::move(own.value()));
}

Result<std::unique_ptr<PacketSource>> openFrom(std::shared_ptr<Origin> origin) {
    auto reader = openReader(origin);
    if (!reader)
        return Error{reader.error()};
    return std::unique_ptr<PacketSource>(
        std::make_unique<OriginSource>(std::move(reader.value()), std::move(origin)));
}

} // namespace

Result<std::unique_ptr<PacketSource>> openCapture(const std::string& path) {
    return openFrom(std::make_shared<Origin>(path));
}

Result<std::unique_ptr<PacketSource>> openCaptureInMemory(const std::uint8_t* data,
                                                          std::size_t size) {
    return openFrom(std::make_shared<Origin>(data, size));
}

} // namespace tcpladder
