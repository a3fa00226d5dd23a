#include "capture/pcapng_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <pcap/dlt.h>
#include <vector>

namespace tcpladder {
namespace {

constexpr std::uint32_t kSectionHeaderBlock = 0x0A0D0D0A;
constexpr std::uint32_t kInterfaceDescriptionBlock = 1;
constexpr std::uint32_t kObsoletePacketBlock = 2;
constexpr std::uint32_t kSimplePacketBlock = 3;
constexpr std::uint32_t kEnhancedPacketBlock = 6;
constexpr std::uint32_t kByteOrderMagic = 0x1A2B3C4D;
constexpr std::uint32_t kSwappedByteOrderMagic = 0x4D3C2B1A;

constexpr std::uint16_t kOptionEnd = 0;
constexpr std::uint16_t kOptionTsResol = 9;
constexpr std::uint16_t kOptionTsOffset = 14;

// Block type, total length and the trailing copy of the total length.
constexpr std::uint32_t kBlockOverhead = 12;
constexpr std::uint32_t kMinSectionHeaderLength = kBlockOverhead + 16;
// A hostile length must not make us allocate gigabytes; real blocks are far smaller.
constexpr std::uint32_t kMaxBlockLength = 256u << 20;
constexpr std::size_t kReadChunk = 256 * 1024;
constexpr std::uint64_t kNanosPerSecond = 1'000'000'000;

struct Interface {
    int linkType = 0;
    std::uint32_t snapLength = 0;
    std::uint64_t unitsPerSecond = 1'000'000; // pcapng's default resolution is microseconds
    std::int64_t offsetSeconds = 0;
};

// libpcap hands out DLT_ values, which differ from the file's LINKTYPE_
// values for a few types; mapping them as libpcap does keeps a packet's link
// type the same whichever reader delivered it.
int libpcapLinkType(std::uint16_t linkType) {
    struct Mapping {
        int linkType;
        int dlt;
    };
    static constexpr Mapping kMappings[] = {{100, DLT_ATM_RFC1483}, {101, DLT_RAW},
                                            {102, DLT_SLIP_BSDOS},  {103, DLT_PPP_BSDOS},
                                            {246, DLT_PFSYNC},      {258, DLT_PKTAP}};
    for (const Mapping& mapping : kMappings) {
        if (mapping.linkType == linkType)
            return mapping.dlt;
    }
    return linkType;
}

bool isPacketBlock(std::uint32_t type) {
    return type == kEnhancedPacketBlock || type == kSimplePacketBlock ||
           type == kObsoletePacketBlock;
}

std::uint32_t littleEndian32(const std::uint8_t* p) {
    return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
           std::uint32_t{p[3]} << 24;
}

std::string at(std::uint64_t offset) {
    return " at offset " + std::to_string(offset);
}

__extension__ typedef unsigned __int128 Uint128;

// Wireshark's conversion: whole units per second, then the remainder scaled
// down to nanoseconds with truncation. 128 bits keep the product exact for
// resolutions finer than a nanosecond.
TimeNs toNanoseconds(std::uint64_t units, const Interface& iface) {
    const std::uint64_t seconds = units / iface.unitsPerSecond;
    const std::uint64_t fraction = units % iface.unitsPerSecond;
    const auto nanos =
        static_cast<std::uint64_t>(Uint128{fraction} * kNanosPerSecond / iface.unitsPerSecond);
    // Unsigned arithmetic: absurd hostile values wrap instead of overflowing.
    const std::uint64_t total =
        (seconds + static_cast<std::uint64_t>(iface.offsetSeconds)) * kNanosPerSecond + nanos;
    return static_cast<TimeNs>(total);
}

} // namespace

struct PcapngReader::Impl {
    // A packet, the end or an error; nullopt for a block that holds no packet.
    using Block = std::optional<ReadStatus>;
    static constexpr Block kNoPacket = std::nullopt;

    explicit Impl(FILE* stream) : file(stream), buffer(kReadChunk) {}
    ~Impl() { std::fclose(file); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    FILE* file;
    std::vector<std::uint8_t> buffer;
    std::size_t begin = 0;      // first byte of the current block in `buffer`
    std::size_t end = 0;        // one past the last byte read into `buffer`
    std::uint64_t consumed = 0; // file offset of buffer[begin]
    std::string readError;
    bool bigEndian = false;
    std::vector<Interface> interfaces;
    int firstLinkType = -1; // no interface seen yet
    bool failed = false;
    std::string error;

    std::uint16_t u16(const std::uint8_t* p) const {
        return static_cast<std::uint16_t>(bigEndian ? p[0] << 8 | p[1] : p[1] << 8 | p[0]);
    }
    std::uint32_t u32(const std::uint8_t* p) const {
        return bigEndian ? std::uint32_t{u16(p)} << 16 | u16(p + 2)
                         : std::uint32_t{u16(p + 2)} << 16 | u16(p);
    }
    std::uint64_t u64(const std::uint8_t* p) const {
        return bigEndian ? std::uint64_t{u32(p)} << 32 | u32(p + 4)
                         : std::uint64_t{u32(p + 4)} << 32 | u32(p);
    }
    const std::uint8_t* current() const { return buffer.data() + begin; }

    Block fail(std::string message) {
        failed = true;
        error = std::move(message);
        return ReadStatus::Error;
    }

    // Makes up to `count` bytes from `begin` on contiguous and returns how
    // many there are: fewer only at the end of the file. The buffer grows
    // only as far as the file really has data, whatever a length claims.
    std::size_t fill(std::size_t count) {
        if (end - begin >= count)
            return end - begin;
        std::memmove(buffer.data(), current(), end - begin);
        end -= begin;
        begin = 0;
        while (end < count) {
            if (end == buffer.size())
                buffer.resize(std::min(count, buffer.size() * 2));
            const std::size_t got = std::fread(buffer.data() + end, 1, buffer.size() - end, file);
            if (got == 0) {
                if (std::ferror(file))
                    readError = std::strerror(errno);
                break;
            }
            end += got;
        }
        return end;
    }

    Block truncated(const char* what, std::uint64_t offset, std::size_t have, std::size_t need) {
        if (!readError.empty())
            return fail("read error" + at(offset) + ": " + readError);
        return fail(std::string("truncated ") + what + at(offset) + " (" + std::to_string(need) +
                    " bytes needed, " + std::to_string(have) + " left in the file)");
    }

    Block readBlock(RawPacket& packet) {
        if (failed)
            return ReadStatus::Error;
        const std::uint64_t offset = consumed;
        const std::size_t have = fill(8);
        if (have == 0 && readError.empty())
            return ReadStatus::End;
        if (have < 8)
            return truncated("block header", offset, have, 8);
        // The section header's type reads the same in both byte orders; its
        // magic decides the order of everything after it, its own length too.
        const std::uint32_t type = u32(current());
        if (type == kSectionHeaderBlock) {
            if (const std::size_t got = fill(12); got < 12)
                return truncated("section header", offset, got, 12);
            const std::uint32_t magic = littleEndian32(current() + 8);
            if (magic != kByteOrderMagic && magic != kSwappedByteOrderMagic) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(magic));
                return fail("section header" + at(offset) + " has an unknown byte-order magic 0x" +
                            hex);
            }
            bigEndian = magic == kSwappedByteOrderMagic;
        }
        const std::uint32_t total = u32(current() + 4);
        const std::uint32_t minimum =
            type == kSectionHeaderBlock ? kMinSectionHeaderLength : kBlockOverhead;
        const auto badLength = [&](const std::string& why) {
            return fail("block" + at(offset) + " has total length " + std::to_string(total) + why);
        };
        if (total < minimum)
            return badLength(", less than the minimum of " + std::to_string(minimum));
        if (total % 4 != 0)
            return badLength(", not a multiple of 4");
        if (total > kMaxBlockLength)
            return badLength(", more than the limit of " + std::to_string(kMaxBlockLength));
        if (const std::size_t got = fill(total); got < total)
            return truncated("block", offset, got, total);
        if (const std::uint32_t trailer = u32(current() + total - 4); trailer != total)
            return badLength(" but its trailing copy says " + std::to_string(trailer));

        const std::uint8_t* body = current() + 8;
        const std::uint32_t bodyLength = total - kBlockOverhead;
        Block result = kNoPacket;
        switch (type) {
        case kSectionHeaderBlock:
            result = readSectionHeader(body, bodyLength, offset);
            break;
        case kInterfaceDescriptionBlock:
            result = readInterface(body, bodyLength, offset);
            break;
        case kEnhancedPacketBlock:
        case kObsoletePacketBlock:
            result = readPacket(type, body, bodyLength, offset, packet);
            break;
        case kSimplePacketBlock:
            result = readSimplePacket(body, bodyLength, offset, packet);
            break;
        default:
            break; // NRB, ISB, DSB, custom and unknown blocks carry no packets we show
        }
        if (result != ReadStatus::Error) {
            // `packet.data` still points into the buffer: it is only compacted on the next fill.
            begin += total;
            consumed += total;
        }
        return result;
    }

    Block readSectionHeader(const std::uint8_t* body, std::uint32_t length, std::uint64_t offset) {
        const unsigned major = u16(body + 4);
        const unsigned minor = u16(body + 6);
        // As libpcap and Wireshark: 1.2 is 1.0 with more block types; anything else may differ.
        if (major != 1 || (minor != 0 && minor != 2))
            return fail("section header" + at(offset) + " has unsupported pcapng version " +
                        std::to_string(major) + "." + std::to_string(minor));
        if (!readOptions(body + 16, length - 16, offset, "section header", nullptr))
            return ReadStatus::Error;
        interfaces.clear();
        return kNoPacket;
    }

    Block readInterface(const std::uint8_t* body, std::uint32_t length, std::uint64_t offset) {
        if (length < 8)
            return fail("interface description" + at(offset) + " is too short");
        Interface iface;
        iface.linkType = libpcapLinkType(u16(body));
        iface.snapLength = u32(body + 4);
        if (!readOptions(body + 8, length - 8, offset, "interface description", &iface))
            return ReadStatus::Error;
        if (firstLinkType < 0)
            firstLinkType = iface.linkType;
        interfaces.push_back(iface);
        return kNoPacket;
    }

    // Checks that options stay inside the block, as both libpcap and
    // Wireshark do, and picks up the interface's timestamp options.
    bool readOptions(const std::uint8_t* p, std::size_t length, std::uint64_t offset,
                     const char* blockName, Interface* iface) {
        bool haveResolution = false;
        while (length > 0) {
            if (length < 4) {
                fail(std::string(blockName) + at(offset) + " ends inside an option header");
                return false;
            }
            const std::uint16_t code = u16(p);
            const std::uint16_t optionLength = u16(p + 2);
            const std::size_t padded = (std::size_t{optionLength} + 3) & ~std::size_t{3};
            if (padded > length - 4) {
                fail(std::string(blockName) + at(offset) + " has an option of length " +
                     std::to_string(optionLength) + " that runs past the block");
                return false;
            }
            if (code == kOptionEnd)
                break;
            if (iface && code == kOptionTsResol && optionLength == 1 && !haveResolution) {
                haveResolution = true;
                if (!setResolution(*iface, p[4], offset))
                    return false;
            } else if (iface && code == kOptionTsOffset && optionLength == 8) {
                iface->offsetSeconds = static_cast<std::int64_t>(u64(p + 4));
            }
            p += 4 + padded;
            length -= 4 + padded;
        }
        return true;
    }

    bool setResolution(Interface& iface, std::uint8_t tsresol, std::uint64_t offset) {
        const unsigned exponent = tsresol & 0x7f;
        const bool binary = tsresol & 0x80;
        // Beyond these the units per second no longer fit in 64 bits (Wireshark refuses them too).
        if (exponent > (binary ? 63u : 19u)) {
            fail("interface description" + at(offset) +
                 " has an unsupported timestamp resolution " + (binary ? "2^-" : "10^-") +
                 std::to_string(exponent));
            return false;
        }
        std::uint64_t units = 1;
        for (unsigned i = 0; i < exponent; ++i)
            units *= binary ? 2 : 10;
        iface.unitsPerSecond = units;
        return true;
    }

    Block readPacket(std::uint32_t type, const std::uint8_t* body, std::uint32_t length,
                     std::uint64_t offset, RawPacket& packet) {
        if (length < 20)
            return fail("packet block" + at(offset) + " is too short");
        // The obsolete Packet Block has a 16-bit interface id and a drop count
        // where the Enhanced Packet Block has a 32-bit interface id.
        const std::uint32_t interfaceId = type == kEnhancedPacketBlock ? u32(body) : u16(body);
        if (interfaceId >= interfaces.size())
            return fail("packet block" + at(offset) + " refers to interface " +
                        std::to_string(interfaceId) + ", but the section has only " +
                        std::to_string(interfaces.size()));
        const std::uint32_t capturedLength = u32(body + 12);
        if (capturedLength > length - 20)
            return fail("packet block" + at(offset) + " has captured length " +
                        std::to_string(capturedLength) + ", more than its block holds");
        const Interface& iface = interfaces[interfaceId];
        const std::uint64_t units = std::uint64_t{u32(body + 4)} << 32 | u32(body + 8);
        packet.timestamp = toNanoseconds(units, iface);
        packet.epochSecond = static_cast<std::int64_t>(
            units / iface.unitsPerSecond + static_cast<std::uint64_t>(iface.offsetSeconds));
        packet.capturedLength = capturedLength;
        packet.originalLength = u32(body + 16);
        packet.linkType = iface.linkType;
        packet.fileOffset = offset;
        packet.data = body + 20;
        return ReadStatus::Packet;
    }

    Block readSimplePacket(const std::uint8_t* body, std::uint32_t length, std::uint64_t offset,
                           RawPacket& packet) {
        if (length < 4)
            return fail("simple packet block" + at(offset) + " is too short");
        if (interfaces.empty())
            return fail("simple packet block" + at(offset) +
                        " comes before any interface description");
        const Interface& iface = interfaces.front();
        const std::uint32_t originalLength = u32(body);
        std::uint32_t capturedLength = std::min(originalLength, length - 4);
        if (iface.snapLength != 0) // 0 means no limit
            capturedLength = std::min(capturedLength, iface.snapLength);
        // A simple packet block has no timestamp; libpcap and Wireshark both use 0.
        packet.timestamp = 0;
        packet.epochSecond = 0;
        packet.capturedLength = capturedLength;
        packet.originalLength = originalLength;
        packet.linkType = iface.linkType;
        packet.fileOffset = offset;
        packet.data = body + 4;
        return ReadStatus::Packet;
    }

    // So that linkType() is known right after opening, as with libpcap.
    void readUpToFirstInterface() {
        RawPacket ignored;
        while (interfaces.empty() && fill(8) >= 8 && !isPacketBlock(u32(current()))) {
            if (readBlock(ignored) != kNoPacket)
                return;
        }
    }
};

PcapngReader::PcapngReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

PcapngReader::~PcapngReader() = default;

Result<std::unique_ptr<PcapngReader>> PcapngReader::openStream(FILE* file) {
    if (!file)
        return Error{"no file to read"};
    auto impl = std::make_unique<Impl>(file);
    const std::size_t have = impl->fill(4);
    if (!impl->readError.empty())
        return Error{impl->readError};
    if (have == 0)
        return Error{"empty file"};
    if (have < 4 || littleEndian32(impl->current()) != kSectionHeaderBlock)
        return Error{"not a pcapng file (no section header at the start)"};
    RawPacket ignored;
    if (impl->readBlock(ignored) != Impl::kNoPacket)
        return Error{impl->error};
    impl->readUpToFirstInterface();
    return std::unique_ptr<PcapngReader>(new PcapngReader(std::move(impl)));
}

ReadStatus PcapngReader::next(RawPacket& packet) {
    Impl::Block block;
    do {
        block = m_impl->readBlock(packet);
    } while (!block);
    return *block;
}

std::string PcapngReader::errorMessage() const {
    return m_impl->error;
}

int PcapngReader::linkType() const {
    return m_impl->firstLinkType;
}

std::uint64_t PcapngReader::bytesRead() const {
    return m_impl->consumed;
}

bool PcapngReader::skipPackets(std::uint64_t count) {
    RawPacket ignored;
    for (std::uint64_t skipped = 0; skipped < count;) {
        const Impl::Block block = m_impl->readBlock(ignored);
        if (block && *block != ReadStatus::Packet)
            return false;
        skipped += block ? 1 : 0;
    }
    return true;
}

} // namespace tcpladder
