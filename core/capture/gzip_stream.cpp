#include "capture/compressed_input.h"
#include "capture/compression.h"
#include "capture/decompressors.h"

#include <zlib.h>

namespace tcpladder {
namespace {

constexpr int kGzipWindowBits = 15 + 16;
constexpr int kRawWindowBits = -15;
constexpr std::size_t kGzipTrailer = 8;

// gzip, as gzip -d reads it: one member or several in a row (pigz, cat of
// two .gz files); bytes after the last member that are not another member
// are ignored, as gzip ignores trailing garbage. While loading it stops at
// every deflate block boundary (zlib's Z_BLOCK) to keep checkpoints, the
// approach of zlib's examples/zran.c.
class GzipStream final : public ByteStream {
public:
    GzipStream(std::unique_ptr<ByteStream> input, std::shared_ptr<StreamStatus> status,
               CheckpointIndex* index, const Checkpoint* start)
        : m_input(std::move(input), start ? start->fileOffset - (start->bits ? 1 : 0) : 0),
          m_status(std::move(status)), m_index(index) {
        m_raw = start != nullptr;
        if (inflateInit2(&m_zlib, m_raw ? kRawWindowBits : kGzipWindowBits) != Z_OK) {
            fail("cannot start zlib");
            return;
        }
        m_initialized = true;
        if (!start)
            return;
        m_out = start->offset;
        m_inMember = true;
        if (start->bits) {
            if (!m_input.refill()) {
                fail("compressed data ends before a checkpoint");
                return;
            }
            inflatePrime(&m_zlib, start->bits, *m_input.data() >> (8 - start->bits));
            m_input.consume(1);
        }
        if (!start->window.empty())
            inflateSetDictionary(&m_zlib, start->window.data(),
                                 static_cast<uInt>(start->window.size()));
    }
    ~GzipStream() override {
        if (m_initialized)
            inflateEnd(&m_zlib);
    }
    GzipStream(const GzipStream&) = delete;
    GzipStream& operator=(const GzipStream&) = delete;

    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) override {
        std::size_t produced = 0;
        while (produced < size && !m_ended && !m_failed) {
            if (m_input.size() == 0 && !m_input.refill()) {
                if (m_input.failed())
                    fail(m_input.error());
                else if (m_inMember)
                    fail("gzip data is cut short");
                m_ended = true;
                break;
            }
            if (!m_inMember && !startMember())
                break;
            m_zlib.next_in = const_cast<Bytef*>(m_input.data());
            m_zlib.avail_in = static_cast<uInt>(m_input.size());
            m_zlib.next_out = into + produced;
            m_zlib.avail_out = static_cast<uInt>(size - produced);
            const int rc = inflate(&m_zlib, m_index ? Z_BLOCK : Z_NO_FLUSH);
            const std::size_t used = m_input.size() - m_zlib.avail_in;
            const std::size_t made = size - produced - m_zlib.avail_out;
            m_input.consume(used);
            produced += made;
            m_out += made;
            if (rc == Z_STREAM_END) {
                endMember();
            } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
                noteBoundary();
            } else {
                fail(std::string("gzip data is damaged (") +
                     (m_zlib.msg ? m_zlib.msg : "zlib error") + ")");
            }
        }
        if (m_failed && produced == 0)
            return -1;
        return static_cast<std::ptrdiff_t>(produced);
    }

    std::string error() const override { return m_status->error(); }

private:
    // Another member follows only if it starts with gzip's magic.
    bool startMember() {
        if (m_input.data()[0] != 0x1f) {
            m_ended = true;
            return false;
        }
        m_inMember = true;
        return true;
    }

    void endMember() {
        m_inMember = false;
        if (m_raw) {
            // A raw inflate stops before the member's CRC and length.
            std::size_t trailer = kGzipTrailer;
            while (trailer > 0 && m_input.refill()) {
                const std::size_t skip = std::min(trailer, m_input.size());
                m_input.consume(skip);
                trailer -= skip;
            }
            m_raw = false;
            inflateReset2(&m_zlib, kGzipWindowBits);
        } else {
            inflateReset(&m_zlib);
        }
    }

    void noteBoundary() {
        // Bit 7: at the end of a block; bit 6: it was the member's last.
        if (!m_index || !(m_zlib.data_type & 128) || (m_zlib.data_type & 64) ||
            !m_index->wants(m_out))
            return;
        Checkpoint point;
        point.fileOffset = m_input.fileOffset();
        point.offset = m_out;
        point.bits = m_zlib.data_type & 7;
        point.window.resize(32768);
        uInt length = 0;
        inflateGetDictionary(&m_zlib, point.window.data(), &length);
        point.window.resize(length);
        m_index->add(std::move(point));
    }

    // The bytes decompressed before a failure are still handed out first.
    void fail(const std::string& message) {
        m_failed = true;
        m_status->fail(message);
    }

    CompressedInput m_input;
    std::shared_ptr<StreamStatus> m_status;
    CheckpointIndex* m_index;
    z_stream m_zlib{};
    bool m_initialized = false;
    bool m_raw = false;
    bool m_inMember = false;
    bool m_ended = false;
    bool m_failed = false;
    std::uint64_t m_out = 0;
};

} // namespace

std::unique_ptr<ByteStream> makeGzipStream(std::unique_ptr<ByteStream> input,
                                           std::shared_ptr<StreamStatus> status,
                                           CheckpointIndex* index, const Checkpoint* start) {
    return std::make_unique<GzipStream>(std::move(input), std::move(status), index, start);
}

} // namespace tcpladder
