#include "capture/packet_rereader.h"

#include <cstdio>
#include <memory>

namespace tcpladder {
namespace {

constexpr std::uint32_t kMaxRecord = 256u << 20;
constexpr int kMaxBlocksSkipped = 64;

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::uint32_t read32(const std::uint8_t* p, bool bigEndian) {
    return bigEndian ? std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 |
                           std::uint32_t{p[2]} << 8 | p[3]
                     : std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 |
                           std::uint32_t{p[1]} << 8 | p[0];
}

bool readAt(std::FILE* file, std::uint64_t offset, void* into, std::size_t size) {
    return fseeko(file, static_cast<off_t>(offset), SEEK_SET) == 0 &&
           std::fread(into, 1, size, file) == size;
}

Result<RereadPacket> readBytes(std::FILE* file, std::uint64_t offset, std::uint32_t captured,
                               std::uint32_t original) {
    if (captured > kMaxRecord)
        return Error{"record at offset " + std::to_string(offset) + " is implausibly large"};
    RereadPacket packet;
    packet.data.resize(captured);
    packet.originalLength = original;
    if (captured && !readAt(file, offset, packet.data.data(), captured))
        return Error{"record at offset " + std::to_string(offset) + " is cut short"};
    return packet;
}

Result<RereadPacket> rereadPcapng(std::FILE* file, std::uint64_t offset, bool bigEndian) {
    for (int skipped = 0; skipped < kMaxBlocksSkipped; ++skipped) {
        std::uint8_t header[28];
        if (!readAt(file, offset, header, 8))
            return Error{"no packet block at offset " + std::to_string(offset)};
        const std::uint32_t type = read32(header, bigEndian);
        const std::uint32_t length = read32(header + 4, bigEndian);
        if (length < 12 || length % 4)
            return Error{"damaged block at offset " + std::to_string(offset)};
        if (type == 6 || type == 2) { // enhanced packet block, obsolete packet block
            if (length < 32 || !readAt(file, offset, header, 28))
                return Error{"damaged packet block at offset " + std::to_string(offset)};
            const std::uint32_t captured = read32(header + 20, bigEndian);
            if (captured > length - 32)
                return Error{"damaged packet block at offset " + std::to_string(offset)};
            return readBytes(file, offset + 28, captured, read32(header + 24, bigEndian));
        }
        if (type == 3) { // simple packet block: no captured length of its own
            if (length < 16 || !readAt(file, offset, header, 12))
                return Error{"damaged packet block at offset " + std::to_string(offset)};
            const std::uint32_t original = read32(header + 8, bigEndian);
            const std::uint32_t room = length - 16;
            return readBytes(file, offset + 12, original < room ? original : room, original);
        }
        offset += length;
    }
    return Error{"no packet block near offset " + std::to_string(offset)};
}

} // namespace

Result<RereadPacket> rereadPacket(const std::string& path, std::uint64_t offset) {
    File file(std::fopen(path.c_str(), "rb"));
    if (!file)
        return Error{path + ": cannot open it again"};
    std::uint8_t magic[12];
    if (!readAt(file.get(), 0, magic, sizeof magic))
        return Error{path + ": cannot read its header"};
    const std::uint32_t little = read32(magic, false);
    if (little == 0x0A0D0D0A) { // pcapng: the byte-order magic follows the block length
        const bool bigEndian = read32(magic + 8, false) != 0x1A2B3C4D;
        return rereadPcapng(file.get(), offset, bigEndian);
    }
    const bool bigEndian = little == 0xD4C3B2A1 || little == 0x4D3CB2A1;
    std::uint8_t record[16];
    if (!readAt(file.get(), offset, record, sizeof record))
        return Error{path + ": no record at offset " + std::to_string(offset)};
    return readBytes(file.get(), offset + 16, read32(record + 8, bigEndian),
                     read32(record + 12, bigEndian));
}

} // namespace tcpladder
