#pragma once

#include "capture/byte_stream.h"
#include "capture/compression.h"
#include "common/result.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace tcpladder {

// A capture file opened once and read as one stdio stream: a path, "-" for
// standard input, a FIFO or a /dev/fd pipe; gzip, zstd or lz4 by its first
// bytes, decompressed on the fly. Nothing is read twice and nothing is
// written to disk.
struct CaptureStream {
    FILE* file = nullptr; // the caller closes it; ftell() works, in decompressed bytes
    // The first decompressed bytes (up to the size asked for), which `file`
    // still yields: the format can be told without consuming them.
    std::vector<std::uint8_t> head;
    Compression compression = Compression::None;
    // A regular file: it can be opened again, and read again by offset.
    bool reopenable = false;
    std::shared_ptr<StreamStatus> status;
};

// `index`, when given, collects checkpoints of a compressed file while the
// stream is read; it must outlive the stream.
Result<CaptureStream> openCaptureStream(const std::string& path, std::size_t headSize,
                                        CheckpointIndex* index);

// The same over bytes in memory, which must outlive the stream.
Result<CaptureStream> openCaptureStreamInMemory(const std::uint8_t* data, std::size_t size,
                                                std::size_t headSize);

// Opens `path` for reading ("-": standard input). The stream reports the
// file's own failures with our words.
Result<int> openCaptureFd(const std::string& path, bool* regularFile);

} // namespace tcpladder
