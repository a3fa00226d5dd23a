#pragma once

#include "capture/compression.h"
#include "common/result.h"

#include <cstdint>
#include <memory>
#include <string>

namespace tcpladder {

// A capture file's bytes by offset, after decompression: what the loader's
// packet offsets count. Not thread-safe; PacketRereader serializes.
class CaptureBytes {
public:
    virtual ~CaptureBytes() = default;
    // Up to `size` bytes at `offset`; fewer only at the end of the capture.
    virtual Result<std::size_t> readAt(std::uint64_t offset, std::uint8_t* into,
                                       std::size_t size) = 0;
    // How often decompression started over (from the file's start or a
    // checkpoint); always 0 for an uncompressed file.
    virtual std::uint64_t restarts() const { return 0; }
};

// Opens a regular file again. For a compressed one, `index` holds the
// checkpoints the load left (null: decompress from the start); reads at
// increasing offsets decode forward and never start over.
Result<std::unique_ptr<CaptureBytes>>
openCaptureBytes(const std::string& path, std::shared_ptr<const CheckpointIndex> index);

} // namespace tcpladder
