#pragma once

#include "capture/raw_packet.h"
#include "common/result.h"

#include <cstdint>
#include <memory>
#include <string>

namespace tcpladder {

class PacketRereader;

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
    // Reads packets again by the offsets this source gave them, for details;
    // fails with the reason when it cannot (a pipe cannot be read twice).
    virtual Result<std::shared_ptr<PacketRereader>> rereader() const {
        return Error{"packet details are not available from this source"};
    }
};

} // namespace tcpladder
