#pragma once

#include "capture/capture_bytes.h"
#include "capture/compression.h"
#include "common/result.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tcpladder {

struct RereadPacket {
    std::vector<std::uint8_t> data; // the captured bytes, as the load saw them
    std::uint32_t originalLength = 0;
};

// Reads packet records again by the offsets the loader stored, for details
// the compact index does not keep. A pcap record is read by libpcap itself,
// so its header size (Kuznetzov's 24 bytes), byte order and snapshot-length
// truncation are exactly those of the load. For pcapng, the offset is the
// first packet block at or after it (libpcap reports where it started
// reading, which may be an interface or section header), in the byte order
// of the section it lies in.
class PacketRereader {
public:
    explicit PacketRereader(std::unique_ptr<CaptureBytes> bytes) : m_bytes(std::move(bytes)) {}

    // `index`: the checkpoints a load of a compressed file left, or null.
    static Result<std::shared_ptr<PacketRereader>>
    open(const std::string& path, std::shared_ptr<const CheckpointIndex> index = nullptr);

    // Safe from any thread; reads in increasing offset order (a connection's
    // packets) continue decompressing where the last one stopped.
    Result<RereadPacket> read(std::uint64_t offset) const;
    std::uint64_t decompressionRestarts() const;

private:
    Result<RereadPacket> readPcap(std::uint64_t offset) const;
    Result<RereadPacket> readPcapng(std::uint64_t offset) const;
    bool readExactly(std::uint64_t offset, void* into, std::size_t size) const;

    mutable std::mutex m_mutex;
    std::unique_ptr<CaptureBytes> m_bytes;
    mutable std::vector<std::uint8_t> m_fileHeader; // read on first use
    mutable bool m_pcapng = false;
    mutable bool m_bigEndian = false; // of the first section, for pcapng
};

} // namespace tcpladder
