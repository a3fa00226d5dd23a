#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Capture files built in memory for tests: classic pcap and pcapng, either
// byte order. Typical use:
//
//     using namespace tcpladder::test;
//     const std::vector<Frame> frames = {{1'000'000'000, ethernetFrame}};
//     TemporaryFile file(buildPcap(frames));
//     auto source = tcpladder::openCapture(file.path());
//
// For pcapng files with unusual structure (several sections, simple packet
// blocks, unknown blocks, damage) use PcapngBuilder block by block and edit
// the resulting bytes as needed.
namespace tcpladder::test {

enum class ByteOrder { Little, Big };

// One captured frame. Timestamps are nanoseconds since the epoch; a writer
// truncates them to the file's resolution.
struct Frame {
    std::int64_t timestampNs = 0;
    std::vector<std::uint8_t> bytes;
    // Length on the wire; the captured length when not set.
    std::optional<std::uint32_t> originalLength;
    // Index of the pcapng interface in the current section; ignored by pcap.
    std::uint32_t interfaceId = 0;
};

struct PcapOptions {
    bool nanosecond = false; // the 0xa1b23c4d magic instead of microseconds
    ByteOrder byteOrder = ByteOrder::Little;
    std::uint32_t linkType = 1; // LINKTYPE_ETHERNET
    std::uint32_t snapLength = 262144;
};

std::vector<std::uint8_t> buildPcap(const std::vector<Frame>& frames,
                                    const PcapOptions& options = {});

struct PcapngInterface {
    std::uint16_t linkType = 1;   // LINKTYPE_ETHERNET
    std::uint32_t snapLength = 0; // 0: no limit
    // The if_tsresol byte: 10^-n seconds, or 2^-n with the high bit set
    // (0x8a is 1/1024 s). The default 6 is written as no option at all.
    std::uint8_t tsresol = 6;
    std::int64_t tsoffsetSeconds = 0; // if_tsoffset; 0 is written as no option
};

struct PcapngOptions {
    ByteOrder byteOrder = ByteOrder::Little;
    std::vector<PcapngInterface> interfaces = {PcapngInterface{}};
};

// One section: its interfaces, then one Enhanced Packet Block per frame.
std::vector<std::uint8_t> buildPcapng(const std::vector<Frame>& frames,
                                      const PcapngOptions& options = {});

// Writes pcapng blocks in the order called. Start with section().
class PcapngBuilder {
public:
    // A Section Header Block; later blocks use its byte order and interfaces.
    PcapngBuilder& section(ByteOrder order = ByteOrder::Little, std::uint16_t majorVersion = 1,
                           std::uint16_t minorVersion = 0);
    PcapngBuilder& interfaceDescription(const PcapngInterface& iface);
    // Timestamp converted to the frame's interface's resolution and offset
    // (interface 0's if the id is out of range, to allow writing such a block).
    PcapngBuilder& enhancedPacket(const Frame& frame);
    // No timestamp and no interface id: always interface 0.
    PcapngBuilder& simplePacket(const Frame& frame);
    // The obsolete Packet Block (type 2).
    PcapngBuilder& obsoletePacket(const Frame& frame);
    // Any block: `body` is padded to 4 bytes and framed with type and lengths.
    PcapngBuilder& rawBlock(std::uint32_t type, const std::vector<std::uint8_t>& body);

    // Where the next block will start.
    std::size_t offset() const { return m_bytes.size(); }
    const std::vector<std::uint8_t>& bytes() const { return m_bytes; }

private:
    void putBlock(std::uint32_t type, const std::vector<std::uint8_t>& body);
    std::vector<std::uint8_t> packetBody(const Frame& frame, bool enhanced) const;

    ByteOrder m_order = ByteOrder::Little;
    std::vector<PcapngInterface> m_interfaces;
    std::vector<std::uint8_t> m_bytes;
};

// A file in the system's temporary folder, removed again on destruction.
class TemporaryFile {
public:
    explicit TemporaryFile(const std::vector<std::uint8_t>& bytes,
                           const std::string& suffix = ".pcap");
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

} // namespace tcpladder::test
