#include "capture/compressed_input.h"
#include "capture/compression.h"
#include "capture/decompressors.h"

#include <zstd.h>

namespace tcpladder {
namespace {

// zstd frames in a row (one for `zstd file`, several for pzstd or cat).
// Checkpoints are frame boundaries only: inside a frame every block may
// refer to up to a window (8 MiB and more) of earlier output, too much to
// keep per point; decoding forward from a frame start runs at about 1 GB/s.
class ZstdStream final : public ByteStream {
public:
    ZstdStream(std::unique_ptr<ByteStream> input, std::shared_ptr<StreamStatus> status,
               CheckpointIndex* index, const Checkpoint* start)
        : m_input(std::move(input), start ? start->fileOffset : 0), m_status(std::move(status)),
          m_index(index), m_context(ZSTD_createDStream()), m_out(start ? start->offset : 0) {
        if (!m_context)
            fail("cannot start zstd");
    }
    ~ZstdStream() override { ZSTD_freeDStream(m_context); }
    ZstdStream(const ZstdStream&) = delete;
    ZstdStream& operator=(const ZstdStream&) = delete;

    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) override {
        ZSTD_outBuffer out{into, size, 0};
        while (out.pos < out.size && !m_ended && !m_failed) {
            if (m_input.size() == 0 && !m_input.refill()) {
                if (m_input.failed())
                    fail(m_input.error());
                else if (m_inFrame)
                    fail("zstd data is cut short");
                m_ended = true;
                break;
            }
            ZSTD_inBuffer in{m_input.data(), m_input.size(), 0};
            const std::size_t before = out.pos;
            const std::size_t rc = ZSTD_decompressStream(m_context, &out, &in);
            m_input.consume(in.pos);
            m_out += out.pos - before;
            if (ZSTD_isError(rc)) {
                fail(std::string("zstd data is damaged (") + ZSTD_getErrorName(rc) + ")");
                break;
            }
            m_inFrame = rc != 0;
            if (rc == 0 && m_index && m_index->wants(m_out))
                m_index->add(Checkpoint{m_input.fileOffset(), m_out, 0, {}});
        }
        if (m_failed && out.pos == 0)
            return -1;
        return static_cast<std::ptrdiff_t>(out.pos);
    }

    std::string error() const override { return m_status->error(); }

private:
    void fail(const std::string& message) {
        m_failed = true;
        m_status->fail(message);
    }

    CompressedInput m_input;
    std::shared_ptr<StreamStatus> m_status;
    CheckpointIndex* m_index;
    ZSTD_DStream* m_context;
    std::uint64_t m_out;
    bool m_inFrame = false;
    bool m_ended = false;
    bool m_failed = false;
};

} // namespace

std::unique_ptr<ByteStream> makeZstdStream(std::unique_ptr<ByteStream> input,
                                           std::shared_ptr<StreamStatus> status,
                                           CheckpointIndex* index, const Checkpoint* start) {
    return std::make_unique<ZstdStream>(std::move(input), std::move(status), index, start);
}

} // namespace tcpladder
