// libFuzzer entry: the core's own pcapng block reader over any bytes, both
// byte orders and any number of sections, read to the end; then read again
// from the start, skipping half the packets as the opener does when it takes
// over from libpcap, and checked to continue with the same packets.
#include "capture/pcapng_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

constexpr std::size_t kMaxPackets = 100000;

FILE* openInMemory(const std::uint8_t* data, std::size_t size) {
    // Read-only mode: fmemopen never writes through the pointer.
    return size ? fmemopen(const_cast<std::uint8_t*>(data), size, "rb") : nullptr;
}

std::vector<std::uint64_t> readAll(tcpladder::PcapngReader& reader) {
    std::vector<std::uint64_t> offsets;
    tcpladder::RawPacket packet;
    while (offsets.size() < kMaxPackets && reader.next(packet) == tcpladder::ReadStatus::Packet) {
        volatile std::uint8_t touch = 0;
        for (std::uint32_t i = 0; i < packet.capturedLength; ++i)
            touch = touch ^ packet.data[i];
        offsets.push_back(packet.fileOffset);
    }
    reader.errorMessage();
    reader.bytesRead();
    return offsets;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto first = tcpladder::PcapngReader::openStream(openInMemory(data, size));
    if (!first)
        return 0;
    const std::vector<std::uint64_t> offsets = readAll(*first.value());
    auto second = tcpladder::PcapngReader::openStream(openInMemory(data, size));
    if (!second)
        std::abort(); // the same bytes opened once already
    const std::size_t skip = offsets.size() / 2;
    if (!second.value()->skipPackets(skip))
        std::abort(); // the first pass read that many packets
    const std::vector<std::uint64_t> rest = readAll(*second.value());
    for (std::size_t i = 0; i < rest.size() && skip + i < offsets.size(); ++i)
        if (rest[i] != offsets[skip + i])
            std::abort(); // skipping must land on the packet a full read reaches
    return 0;
}
