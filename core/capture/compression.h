#pragma once

#include "capture/byte_stream.h"
#include "common/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tcpladder {

enum class Compression { None, Gzip, Zstd, Lz4 };

// By the stream's first bytes, never by the file name's extension.
Compression detectCompression(const std::vector<std::uint8_t>& head);
const char* compressionName(Compression compression);

// A place in a compressed file from which decompression can start again: a
// deflate block boundary (with the bit offset and the 32 KiB of output before
// it, which later blocks may refer to), or a zstd / lz4 frame boundary.
struct Checkpoint {
    std::uint64_t fileOffset = 0; // compressed bytes before it (the partial byte included)
    std::uint64_t offset = 0;     // decompressed bytes before it
    int bits = 0;                 // bits of the byte at fileOffset - 1 not yet consumed
    std::vector<std::uint8_t> window;
};

// The checkpoints one sequential read of a compressed file leaves behind,
// in order. Memory stays bounded: when the list is full, every other point
// goes and the spacing doubles, so at most kMaxPoints windows are kept.
class CheckpointIndex {
public:
    static constexpr std::uint64_t kInitialSpacing = 4u << 20;
    static constexpr std::size_t kMaxPoints = 256;

    // Whether a point at `offset` is worth keeping.
    bool wants(std::uint64_t offset) const;
    // Ignores points at or before the last one (a second pass over the same
    // file, after a reader hand-over, finds the same boundaries again).
    void add(Checkpoint point);
    // The last point at or before `offset`, or nullptr for the file's start.
    const Checkpoint* before(std::uint64_t offset) const;
    std::size_t size() const { return m_points.size(); }
    std::size_t memoryBytes() const;

private:
    std::vector<Checkpoint> m_points;
    std::uint64_t m_spacing = kInitialSpacing;
};

// Decompresses `input` as a stream. `input` must start at the beginning of
// the compressed file, or at `start`'s fileOffset (minus one byte when
// `start->bits` is not 0). With `index`, records checkpoints into it.
std::unique_ptr<ByteStream> makeDecompressingStream(Compression compression,
                                                    std::unique_ptr<ByteStream> input,
                                                    std::shared_ptr<StreamStatus> status,
                                                    CheckpointIndex* index,
                                                    const Checkpoint* start);

} // namespace tcpladder
