#pragma once

#include "capture/raw_packet.h"

#include <cstdint>
#include <string>

namespace tcpladder {

// A stream of capture records: each call yields a packet, the end, or an
// error, never something in between.
class PacketSource {
public:
    virtual ~PacketSource() = default;

    virtual ReadStatus next(RawPacket& packet) = 0;
    // Why the last next() returned Error.
    virtual std::string errorMessage() const = 0;
    // Link type of the first interface; packets carry their own.
    virtual int linkType() const = 0;
    // Bytes consumed so far, for progress.
    virtual std::uint64_t bytesRead() const = 0;
};

} // namespace tcpladder
