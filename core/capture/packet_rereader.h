#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tcpladder {

struct RereadPacket {
    std::vector<std::uint8_t> data; // the captured bytes
    std::uint32_t originalLength = 0;
};

// Reads one packet record again from a pcap or pcapng file, starting at the
// offset the loader stored (for pcapng, the first packet block at or after
// it: libpcap reports where it started reading, which may be an interface
// or statistics block). Used for details the compact index does not keep.
Result<RereadPacket> rereadPacket(const std::string& path, std::uint64_t offset);

} // namespace tcpladder
