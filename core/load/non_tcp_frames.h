#pragma once

#include "decode/decode_context.h"
#include "load/loaded_capture.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tcpladder {

// What a frame without a TCP row was, in the words a protocol analyser uses:
// "ARP", "UDP", "ICMPv6", "IP fragment", "truncated", "ethertype 0x88b5".
std::string nonTcpKind(const FrameMiss& miss);

// Counts the frames that gave no TCP row, by what they were.
class NonTcpTally {
public:
    void add(const FrameMiss& miss);
    // Most frames first; kinds with the same name are one entry.
    std::vector<NonTcpCount> counts() const;

private:
    std::map<std::uint32_t, std::uint64_t> m_frames; // by miss, space and number
};

} // namespace tcpladder
