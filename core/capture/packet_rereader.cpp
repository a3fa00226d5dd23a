#include "capture/packet_rereader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <pcap/pcap.h>

namespace tcpladder {
namespace {

constexpr std::uint32_t kMaxRecord = 256u << 20;
constexpr int kMaxBlocksSkipped = 64;
constexpr std::size_t kPcapFileHeader = 24;
constexpr std::uint32_t kSectionHeaderBlock = 0x0A0D0D0A;
constexpr std::uint32_t kByteOrderMagic = 0x1A2B3C4D;

std::uint32_t read32(const std::uint8_t* p, bool bigEndian) {
    return bigEndian ? std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 |
                           std::uint32_t{p[2]} << 8 | p[3]
                     : std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 |
                           std::uint32_t{p[1]} << 8 | p[0];
}

std::string at(std::uint64_t offset) {
    return " at offset " + std::to_string(offset);
}

// The pcap file header, then the file from one record on: libpcap reads that
// record as if it were the file's first.
struct OneRecordCookie {
    const std::vector<std::uint8_t>* header;
    CaptureBytes* bytes;
    std::uint64_t offset;
    std::uint64_t position = 0;
};

ssize_t oneRecordRead(void* cookie, char* into, std::size_t size) {
    auto* self = static_cast<OneRecordCookie*>(cookie);
    std::size_t done = 0;
    if (self->position < kPcapFileHeader) {
        done = std::min<std::size_t>(size, kPcapFileHeader - self->position);
        std::memcpy(into, self->header->data() + self->position, done);
    } else {
        auto got = self->bytes->readAt(self->offset + self->position - kPcapFileHeader,
                                       reinterpret_cast<std::uint8_t*>(into), size);
        if (!got) {
            errno = EIO;
            return -1;
        }
        done = got.value();
    }
    self->position += done;
    return static_cast<ssize_t>(done);
}

int oneRecordClose(void*) {
    return 0;
}

} // namespace

Result<std::shared_ptr<PacketRereader>>
PacketRereader::open(const std::string& path, std::shared_ptr<const CheckpointIndex> index) {
    auto bytes = openCaptureBytes(path, std::move(index));
    if (!bytes)
        return Error{bytes.error()};
    return std::make_shared<PacketRereader>(std::move(bytes.value()));
}

std::uint64_t PacketRereader::decompressionRestarts() const {
    std::lock_guard lock(m_mutex);
    return m_bytes->restarts();
}

bool PacketRereader::readExactly(std::uint64_t offset, void* into, std::size_t size) const {
    auto got = m_bytes->readAt(offset, static_cast<std::uint8_t*>(into), size);
    return got && got.value() == size;
}

Result<RereadPacket> PacketRereader::read(std::uint64_t offset) const {
    std::lock_guard lock(m_mutex);
    if (m_fileHeader.empty()) {
        std::vector<std::uint8_t> header(kPcapFileHeader);
        if (!readExactly(0, header.data(), header.size()))
            return Error{"cannot read the file header again"};
        m_pcapng = read32(header.data(), false) == kSectionHeaderBlock;
        m_bigEndian = m_pcapng && read32(header.data() + 8, false) != kByteOrderMagic;
        m_fileHeader = std::move(header);
    }
    return m_pcapng ? readPcapng(offset) : readPcap(offset);
}

Result<RereadPacket> PacketRereader::readPcap(std::uint64_t offset) const {
    OneRecordCookie cookie{&m_fileHeader, m_bytes.get(), offset};
    const cookie_io_functions_t functions{oneRecordRead, nullptr, nullptr, oneRecordClose};
    FILE* file = fopencookie(&cookie, "rb", functions);
    if (!file)
        return Error{std::strerror(errno)};
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t* handle = pcap_fopen_offline(file, errbuf);
    if (!handle) {
        std::fclose(file);
        return Error{std::string("cannot read the file header again: ") + errbuf};
    }
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int rc = pcap_next_ex(handle, &header, &data);
    Result<RereadPacket> result = Error{"no record" + at(offset)};
    if (rc == 1) {
        RereadPacket packet;
        packet.data.assign(data, data + header->caplen);
        packet.originalLength = header->len;
        result = std::move(packet);
    } else if (rc != PCAP_ERROR_BREAK) {
        result = Error{"record" + at(offset) + ": " + pcap_geterr(handle)};
    }
    pcap_close(handle);
    return result;
}

Result<RereadPacket> PacketRereader::readPcapng(std::uint64_t offset) const {
    const auto damaged = [&](const char* what) { return Error{std::string(what) + at(offset)}; };
    bool bigEndian = m_bigEndian;
    for (int skipped = 0; skipped < kMaxBlocksSkipped; ++skipped) {
        std::uint8_t header[28];
        if (!readExactly(offset, header, 12))
            return damaged("no packet block");
        const std::uint32_t type = read32(header, bigEndian);
        if (type == kSectionHeaderBlock) {
            bigEndian = read32(header + 8, false) != kByteOrderMagic;
        } else {
            // Blocks carry no byte order of their own: the length must match
            // its trailing copy in the section's order, so a later section in
            // the other order shows itself here.
            const auto lengthFits = [&](bool order) {
                const std::uint32_t length = read32(header + 4, order);
                std::uint8_t trailer[4];
                return length >= 12 && length % 4 == 0 &&
                       readExactly(offset + length - 4, trailer, 4) &&
                       read32(trailer, order) == length;
            };
            if (!lengthFits(bigEndian) && lengthFits(!bigEndian))
                bigEndian = !bigEndian;
        }
        const std::uint32_t blockType = read32(header, bigEndian);
        const std::uint32_t length = read32(header + 4, bigEndian);
        if (length < 12 || length % 4)
            return damaged("damaged block");
        const auto packetAt = [&](std::uint64_t dataOffset, std::uint32_t captured,
                                  std::uint32_t original) -> Result<RereadPacket> {
            if (captured > kMaxRecord)
                return damaged("implausibly large record");
            // A damaged length must not make us allocate what the file
            // does not hold: its last byte has to be there first.
            std::uint8_t last = 0;
            if (captured && !readExactly(dataOffset + captured - 1, &last, 1))
                return damaged("record cut short");
            RereadPacket packet;
            packet.data.resize(captured);
            packet.originalLength = original;
            if (captured && !readExactly(dataOffset, packet.data.data(), captured))
                return damaged("record cut short");
            return packet;
        };
        if (blockType == 6 || blockType == 2) { // enhanced packet block, obsolete packet block
            if (length < 32 || !readExactly(offset, header, 28))
                return damaged("damaged packet block");
            const std::uint32_t captured = read32(header + 20, bigEndian);
            if (captured > length - 32)
                return damaged("damaged packet block");
            return packetAt(offset + 28, captured, read32(header + 24, bigEndian));
        }
        if (blockType == 3) { // simple packet block: no captured length of its own
            if (length < 16)
                return damaged("damaged packet block");
            const std::uint32_t original = read32(header + 8, bigEndian);
            const std::uint32_t room = length - 16;
            return packetAt(offset + 12, original < room ? original : room, original);
        }
        offset += length;
    }
    return damaged("no packet block near");
}

} // namespace tcpladder
