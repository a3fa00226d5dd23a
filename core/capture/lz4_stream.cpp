#include "capture/decompressors.h"
#include "capture/framed_stream.h"

#include <lz4frame.h>

namespace tcpladder {
namespace {

// lz4 frames in a row; lz4 decodes forward at several GB/s, so the rest of a
// frame after a checkpoint costs little.
class Lz4Stream final : public FramedStream {
public:
    Lz4Stream(std::unique_ptr<ByteStream> input, std::shared_ptr<StreamStatus> status,
              CheckpointIndex* index, const Checkpoint* start)
        : FramedStream("lz4", std::move(input), std::move(status), index, start) {
        if (LZ4F_isError(LZ4F_createDecompressionContext(&m_context, LZ4F_VERSION)))
            fail("cannot start lz4");
    }
    ~Lz4Stream() override { LZ4F_freeDecompressionContext(m_context); }
    Lz4Stream(const Lz4Stream&) = delete;
    Lz4Stream& operator=(const Lz4Stream&) = delete;

private:
    Step decode(std::uint8_t* out, std::size_t room, const std::uint8_t* in,
                std::size_t available) override {
        std::size_t made = room;
        std::size_t used = available;
        const std::size_t rc = LZ4F_decompress(m_context, out, &made, in, &used, nullptr);
        if (LZ4F_isError(rc))
            return {made, used, false, LZ4F_getErrorName(rc)};
        return {made, used, rc == 0, {}};
    }

    LZ4F_dctx* m_context = nullptr;
};

} // namespace

std::unique_ptr<ByteStream> makeLz4Stream(std::unique_ptr<ByteStream> input,
                                          std::shared_ptr<StreamStatus> status,
                                          CheckpointIndex* index, const Checkpoint* start) {
    return std::make_unique<Lz4Stream>(std::move(input), std::move(status), index, start);
}

} // namespace tcpladder
