#include "capture/compressed_input.h"
#include "capture/compression.h"
#include "capture/decompressors.h"

#include <lz4frame.h>

namespace tcpladder {
namespace {

// lz4 frames in a row. Checkpoints are frame boundaries, as for zstd: lz4
// decodes forward at several GB/s, so the rest of a frame costs little.
class Lz4Stream final : public ByteStream {
public:
    Lz4Stream(std::unique_ptr<ByteStream> input, std::shared_ptr<StreamStatus> status,
              CheckpointIndex* index, const Checkpoint* start)
        : m_input(std::move(input), start ? start->fileOffset : 0), m_status(std::move(status)),
          m_index(index), m_out(start ? start->offset : 0) {
        if (LZ4F_isError(LZ4F_createDecompressionContext(&m_context, LZ4F_VERSION)))
            fail("cannot start lz4");
    }
    ~Lz4Stream() override { LZ4F_freeDecompressionContext(m_context); }
    Lz4Stream(const Lz4Stream&) = delete;
    Lz4Stream& operator=(const Lz4Stream&) = delete;

    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) override {
        std::size_t produced = 0;
        while (produced < size && !m_ended && !m_failed) {
            if (m_input.size() == 0 && !m_input.refill()) {
                if (m_input.failed())
                    fail(m_input.error());
                else if (m_inFrame)
                    fail("lz4 data is cut short");
                m_ended = true;
                break;
            }
            std::size_t made = size - produced;
            std::size_t used = m_input.size();
            const std::size_t rc =
                LZ4F_decompress(m_context, into + produced, &made, m_input.data(), &used, nullptr);
            m_input.consume(used);
            produced += made;
            m_out += made;
            if (LZ4F_isError(rc)) {
                fail(std::string("lz4 data is damaged (") + LZ4F_getErrorName(rc) + ")");
                break;
            }
            m_inFrame = rc != 0;
            if (rc == 0 && m_index && m_index->wants(m_out))
                m_index->add(Checkpoint{m_input.fileOffset(), m_out, 0, {}});
        }
        if (m_failed && produced == 0)
            return -1;
        return static_cast<std::ptrdiff_t>(produced);
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
    LZ4F_dctx* m_context = nullptr;
    std::uint64_t m_out;
    bool m_inFrame = false;
    bool m_ended = false;
    bool m_failed = false;
};

} // namespace

std::unique_ptr<ByteStream> makeLz4Stream(std::unique_ptr<ByteStream> input,
                                          std::shared_ptr<StreamStatus> status,
                                          CheckpointIndex* index, const Checkpoint* start) {
    return std::make_unique<Lz4Stream>(std::move(input), std::move(status), index, start);
}

} // namespace tcpladder
