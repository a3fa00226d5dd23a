#pragma once

#include "common/result.h"
#include "decode/decode_context.h"
#include "load/loaded_capture.h"

#include <cstddef>
#include <cstdint>

namespace tcpladder {

// The full TCP header of one packet (options, SACK blocks, timestamps, raw
// numbers), re-read from the capture file on demand.
struct PacketDetails {
    DecodedTcp tcp;
    std::uint32_t capturedLength = 0;
    std::uint32_t originalLength = 0;
};

// Fails with a reason when the capture came from a pipe, the file changed,
// or the header lies in an earlier fragment of a reassembled datagram.
Result<PacketDetails> readPacketDetails(const LoadedCapture& capture, std::uint32_t connection,
                                        std::size_t index);

} // namespace tcpladder
