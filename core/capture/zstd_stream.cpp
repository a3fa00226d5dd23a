#include "capture/decompressors.h"
#include "capture/framed_stream.h"

#include <zstd.h>

namespace tcpladder {
namespace {

// zstd frames in a row (one for `zstd file`, several for pzstd or cat).
// Inside a frame every block may refer to up to a window (8 MiB and more) of
// earlier output; decoding forward from a frame start runs at about 1 GB/s.
class ZstdStream final : public FramedStream {
public:
    ZstdStream(std::unique_ptr<ByteStream> input, std::shared_ptr<StreamStatus> status,
               CheckpointIndex* index, const Checkpoint* start)
        : FramedStream("zstd", std::move(input), std::move(status), index, start),
          m_context(ZSTD_createDStream()) {
        if (!m_context)
            fail("cannot start zstd");
    }
    ~ZstdStream() override { ZSTD_freeDStream(m_context); }
    ZstdStream(const ZstdStream&) = delete;
    ZstdStream& operator=(const ZstdStream&) = delete;

private:
    Step decode(std::uint8_t* out, std::size_t room, const std::uint8_t* in,
                std::size_t available) override {
        ZSTD_outBuffer output{out, room, 0};
        ZSTD_inBuffer input{in, available, 0};
        const std::size_t rc = ZSTD_decompressStream(m_context, &output, &input);
        if (ZSTD_isError(rc))
            return {output.pos, input.pos, false, ZSTD_getErrorName(rc)};
        return {output.pos, input.pos, rc == 0, {}};
    }

    ZSTD_DStream* m_context;
};

} // namespace

std::unique_ptr<ByteStream> makeZstdStream(std::unique_ptr<ByteStream> input,
                                           std::shared_ptr<StreamStatus> status,
                                           CheckpointIndex* index, const Checkpoint* start) {
    return std::make_unique<ZstdStream>(std::move(input), std::move(status), index, start);
}

} // namespace tcpladder
