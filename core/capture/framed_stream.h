#pragma once

#include "capture/byte_stream.h"
#include "capture/compressed_input.h"
#include "capture/compression.h"

#include <memory>
#include <string>

namespace tcpladder {

// Compressed frames in a row (zstd, lz4), decoded by a library that takes
// an input and an output buffer per call and says when a frame ended.
// Checkpoints are frame boundaries only: forward decoding from a frame start
// is fast, while a window of earlier output per point would be too much to keep.
class FramedStream : public ByteStream {
public:
    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) final;
    std::string error() const final { return m_status->error(); }

protected:
    // `name` goes into messages: "zstd data is cut short".
    FramedStream(const char* name, std::unique_ptr<ByteStream> input,
                 std::shared_ptr<StreamStatus> status, CheckpointIndex* index,
                 const Checkpoint* start);

    struct Step {
        std::size_t produced = 0;
        std::size_t consumed = 0;
        bool frameEnded = false;
        std::string error; // the library's reason; empty when all went well
    };
    // One call of the library: decodes from `in` into `out`.
    virtual Step decode(std::uint8_t* out, std::size_t room, const std::uint8_t* in,
                        std::size_t available) = 0;
    void fail(const std::string& message);

private:
    const char* m_name;
    CompressedInput m_input;
    std::shared_ptr<StreamStatus> m_status;
    CheckpointIndex* m_index;
    std::uint64_t m_out;
    bool m_inFrame = false;
    bool m_ended = false;
    bool m_failed = false;
};

} // namespace tcpladder
