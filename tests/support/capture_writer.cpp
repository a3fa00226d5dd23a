#include "support/capture_writer.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace tcpladder::test {
namespace {

constexpr std::uint64_t kNanosPerSecond = 1'000'000'000;

class Bytes {
public:
    Bytes(std::vector<std::uint8_t>& out, ByteOrder order) : m_out(out), m_order(order) {}

    void u8(std::uint8_t value) { m_out.push_back(value); }
    void u16(std::uint16_t value) { put(value, 2); }
    void u32(std::uint32_t value) { put(value, 4); }
    void u64(std::uint64_t value) { put(value, 8); }
    void data(const std::vector<std::uint8_t>& bytes) {
        m_out.insert(m_out.end(), bytes.begin(), bytes.end());
    }
    void padTo4() {
        while (m_out.size() % 4 != 0)
            m_out.push_back(0);
    }

private:
    void put(std::uint64_t value, int size) {
        for (int i = 0; i < size; ++i) {
            const int shift = m_order == ByteOrder::Little ? 8 * i : 8 * (size - 1 - i);
            m_out.push_back(static_cast<std::uint8_t>(value >> shift));
        }
    }

    std::vector<std::uint8_t>& m_out;
    ByteOrder m_order;
};

std::uint32_t originalLength(const Frame& frame) {
    return frame.originalLength.value_or(static_cast<std::uint32_t>(frame.bytes.size()));
}

__extension__ typedef unsigned __int128 Uint128;

// The inverse of a reader's conversion, truncating to the interface's units.
std::uint64_t toUnits(std::int64_t timestampNs, const PcapngInterface& iface) {
    const auto ns = static_cast<std::uint64_t>(timestampNs) -
                    static_cast<std::uint64_t>(iface.tsoffsetSeconds) * kNanosPerSecond;
    const unsigned exponent = iface.tsresol & 0x7f;
    Uint128 unitsPerSecond = 1;
    for (unsigned i = 0; i < exponent; ++i)
        unitsPerSecond *= (iface.tsresol & 0x80) ? 2 : 10;
    return static_cast<std::uint64_t>(Uint128{ns} * unitsPerSecond / kNanosPerSecond);
}

} // namespace

std::vector<std::uint8_t> buildPcap(const std::vector<Frame>& frames, const PcapOptions& options) {
    std::vector<std::uint8_t> image;
    Bytes out(image, options.byteOrder);
    out.u32(options.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4);
    out.u16(2);
    out.u16(4);
    out.u32(0); // thiszone
    out.u32(0); // sigfigs
    out.u32(options.snapLength);
    out.u32(options.linkType);
    const std::uint64_t fractionsPerSecond = options.nanosecond ? kNanosPerSecond : 1'000'000;
    for (const Frame& frame : frames) {
        const auto ns = static_cast<std::uint64_t>(frame.timestampNs);
        out.u32(static_cast<std::uint32_t>(ns / kNanosPerSecond));
        out.u32(static_cast<std::uint32_t>(ns % kNanosPerSecond /
                                           (kNanosPerSecond / fractionsPerSecond)));
        out.u32(static_cast<std::uint32_t>(frame.bytes.size()));
        out.u32(originalLength(frame));
        out.data(frame.bytes);
    }
    return image;
}

std::vector<std::uint8_t> buildPcapng(const std::vector<Frame>& frames,
                                      const PcapngOptions& options) {
    PcapngBuilder builder;
    builder.section(options.byteOrder);
    for (const PcapngInterface& iface : options.interfaces)
        builder.interfaceDescription(iface);
    for (const Frame& frame : frames)
        builder.enhancedPacket(frame);
    return builder.bytes();
}

PcapngBuilder& PcapngBuilder::section(ByteOrder order, std::uint16_t majorVersion,
                                      std::uint16_t minorVersion) {
    m_order = order;
    m_interfaces.clear();
    std::vector<std::uint8_t> body;
    Bytes out(body, m_order);
    out.u32(0x1A2B3C4D);
    out.u16(majorVersion);
    out.u16(minorVersion);
    out.u64(~std::uint64_t{0}); // section length not given
    putBlock(0x0A0D0D0A, body);
    return *this;
}

PcapngBuilder& PcapngBuilder::interfaceDescription(const PcapngInterface& iface) {
    m_interfaces.push_back(iface);
    std::vector<std::uint8_t> body;
    Bytes out(body, m_order);
    out.u16(iface.linkType);
    out.u16(0);
    out.u32(iface.snapLength);
    const bool hasOptions = iface.tsresol != 6 || iface.tsoffsetSeconds != 0;
    if (iface.tsresol != 6) {
        out.u16(9); // if_tsresol
        out.u16(1);
        out.u8(iface.tsresol);
        out.padTo4();
    }
    if (iface.tsoffsetSeconds != 0) {
        out.u16(14); // if_tsoffset
        out.u16(8);
        out.u64(static_cast<std::uint64_t>(iface.tsoffsetSeconds));
    }
    if (hasOptions)
        out.u32(0); // opt_endofopt
    putBlock(1, body);
    return *this;
}

std::vector<std::uint8_t> PcapngBuilder::packetBody(const Frame& frame, bool enhanced) const {
    const PcapngInterface iface = frame.interfaceId < m_interfaces.size()
                                      ? m_interfaces[frame.interfaceId]
                                  : m_interfaces.empty() ? PcapngInterface{}
                                                         : m_interfaces.front();
    const std::uint64_t units = toUnits(frame.timestampNs, iface);
    std::vector<std::uint8_t> body;
    Bytes out(body, m_order);
    if (enhanced) {
        out.u32(frame.interfaceId);
    } else {
        out.u16(static_cast<std::uint16_t>(frame.interfaceId));
        out.u16(0); // drops count
    }
    out.u32(static_cast<std::uint32_t>(units >> 32));
    out.u32(static_cast<std::uint32_t>(units));
    out.u32(static_cast<std::uint32_t>(frame.bytes.size()));
    out.u32(originalLength(frame));
    out.data(frame.bytes);
    return body;
}

PcapngBuilder& PcapngBuilder::enhancedPacket(const Frame& frame) {
    putBlock(6, packetBody(frame, true));
    return *this;
}

PcapngBuilder& PcapngBuilder::obsoletePacket(const Frame& frame) {
    putBlock(2, packetBody(frame, false));
    return *this;
}

PcapngBuilder& PcapngBuilder::simplePacket(const Frame& frame) {
    std::vector<std::uint8_t> body;
    // Reserved up front: GCC 12 at -O3 otherwise warns falsely
    // (stringop-overflow) about growing the freshly made vector.
    body.reserve(4 + frame.bytes.size());
    Bytes out(body, m_order);
    out.u32(originalLength(frame));
    out.data(frame.bytes);
    putBlock(3, body);
    return *this;
}

PcapngBuilder& PcapngBuilder::rawBlock(std::uint32_t type, const std::vector<std::uint8_t>& body) {
    putBlock(type, body);
    return *this;
}

void PcapngBuilder::putBlock(std::uint32_t type, const std::vector<std::uint8_t>& body) {
    const auto padded = static_cast<std::uint32_t>((body.size() + 3) / 4 * 4);
    const std::uint32_t total = padded + 12;
    Bytes out(m_bytes, m_order);
    out.u32(type);
    out.u32(total);
    out.data(body);
    out.padTo4();
    out.u32(total);
}

TemporaryFile::TemporaryFile(const std::vector<std::uint8_t>& bytes, const std::string& suffix) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tcpladder-test-XXXXXX").string() + suffix;
    const int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
    if (fd < 0) {
        std::perror("mkstemps");
        std::abort(); // a test cannot go on without its file
    }
    m_path = pattern;
    FILE* file = fdopen(fd, "wb");
    const bool written = file && std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    if (!file || std::fclose(file) != 0 || !written) {
        std::perror(m_path.c_str());
        std::abort();
    }
}

TemporaryFile::~TemporaryFile() {
    std::remove(m_path.c_str());
}

} // namespace tcpladder::test
