#pragma once

#include "capture/byte_stream.h"
#include "capture/compression.h"

#include <memory>

namespace tcpladder {

// One per format; makeDecompressingStream() picks among them.
std::unique_ptr<ByteStream> makeGzipStream(std::unique_ptr<ByteStream> input,
                                           std::shared_ptr<StreamStatus> status,
                                           CheckpointIndex* index, const Checkpoint* start);
std::unique_ptr<ByteStream> makeZstdStream(std::unique_ptr<ByteStream> input,
                                           std::shared_ptr<StreamStatus> status,
                                           CheckpointIndex* index, const Checkpoint* start);
std::unique_ptr<ByteStream> makeLz4Stream(std::unique_ptr<ByteStream> input,
                                          std::shared_ptr<StreamStatus> status,
                                          CheckpointIndex* index, const Checkpoint* start);

} // namespace tcpladder
