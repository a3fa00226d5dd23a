#include "capture/capture_bytes.h"

#include "capture/capture_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace tcpladder {
namespace {

class PlainFileBytes final : public CaptureBytes {
public:
    explicit PlainFileBytes(int fd) : m_fd(fd) {}
    ~PlainFileBytes() override { ::close(m_fd); }
    PlainFileBytes(const PlainFileBytes&) = delete;
    PlainFileBytes& operator=(const PlainFileBytes&) = delete;

    Result<std::size_t> readAt(std::uint64_t offset, std::uint8_t* into,
                               std::size_t size) override {
        std::size_t done = 0;
        while (done < size) {
            const ssize_t got =
                ::pread(m_fd, into + done, size - done, static_cast<off_t>(offset + done));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return Error{std::strerror(errno)};
            if (got == 0)
                break;
            done += static_cast<std::size_t>(got);
        }
        return done;
    }

private:
    int m_fd;
};

// Keeps the decoded bytes around the last read, so that reading a record's
// header and then its body, or the next packet of the same connection,
// decodes nothing twice.
class DecompressedBytes final : public CaptureBytes {
public:
    DecompressedBytes(std::string path, Compression compression,
                      std::shared_ptr<const CheckpointIndex> index)
        : m_path(std::move(path)), m_compression(compression), m_index(std::move(index)) {}

    Result<std::size_t> readAt(std::uint64_t offset, std::uint8_t* into,
                               std::size_t size) override {
        const Checkpoint* point = m_index->before(offset);
        const std::uint64_t pointOffset = point ? point->offset : 0;
        if (!m_decoder || offset < m_windowStart || pointOffset > windowEnd()) {
            if (auto restarted = restart(point); !restarted)
                return Error{restarted.error()};
        }
        if (offset > windowEnd()) {
            if (auto skipped = skipTo(offset); !skipped)
                return Error{skipped.error()};
        } else if (offset - m_windowStart > kLookBehind * 2) {
            const std::size_t drop = static_cast<std::size_t>(offset - kLookBehind - m_windowStart);
            m_window.erase(m_window.begin(), m_window.begin() + static_cast<std::ptrdiff_t>(drop));
            m_windowStart += drop;
        }
        while (windowEnd() < offset + size && !m_ended) {
            const std::size_t had = m_window.size();
            const std::size_t want = std::max<std::size_t>(kChunk, offset + size - windowEnd());
            m_window.resize(had + want);
            const std::ptrdiff_t got = m_decoder->read(m_window.data() + had, want);
            m_window.resize(had + static_cast<std::size_t>(std::max<std::ptrdiff_t>(got, 0)));
            if (got < 0)
                return failed();
            m_ended = got == 0;
        }
        if (offset >= windowEnd())
            return std::size_t{0};
        const std::size_t count =
            static_cast<std::size_t>(std::min<std::uint64_t>(size, windowEnd() - offset));
        std::memcpy(into, m_window.data() + (offset - m_windowStart), count);
        return count;
    }

    std::uint64_t restarts() const override { return m_restarts; }

private:
    static constexpr std::size_t kChunk = 256 * 1024;
    static constexpr std::uint64_t kLookBehind = 1u << 20;

    std::uint64_t windowEnd() const { return m_windowStart + m_window.size(); }

    Result<bool> restart(const Checkpoint* point) {
        m_decoder.reset();
        bool regular = false;
        auto fd = openCaptureFd(m_path, &regular);
        if (!fd)
            return Error{m_path + ": cannot open it again (" + fd.error() + ")"};
        const std::uint64_t fileOffset = point ? point->fileOffset - (point->bits ? 1 : 0) : 0;
        if (::lseek(fd.value(), static_cast<off_t>(fileOffset), SEEK_SET) < 0) {
            ::close(fd.value());
            return Error{m_path + ": cannot seek in it"};
        }
        m_status = std::make_shared<StreamStatus>();
        m_decoder =
            makeDecompressingStream(m_compression, std::make_unique<FdStream>(fd.value(), m_status),
                                    m_status, nullptr, point);
        m_window.clear();
        m_windowStart = point ? point->offset : 0;
        m_ended = false;
        ++m_restarts;
        return true;
    }

    // The decoder stands at the window's end: what lies between it and
    // `offset` is decoded and dropped.
    Result<bool> skipTo(std::uint64_t offset) {
        m_windowStart = windowEnd();
        m_window.clear();
        std::vector<std::uint8_t> scratch(kChunk);
        while (m_windowStart < offset) {
            const std::size_t want =
                static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, offset - m_windowStart));
            const std::ptrdiff_t got = m_decoder->read(scratch.data(), want);
            if (got < 0)
                return failed();
            if (got == 0) {
                m_ended = true;
                break;
            }
            m_windowStart += static_cast<std::uint64_t>(got);
        }
        return true;
    }

    Error failed() {
        Error error{m_path + ": " + (m_status->error().empty() ? "read error" : m_status->error())};
        m_decoder.reset();
        return error;
    }

    std::string m_path;
    Compression m_compression;
    std::shared_ptr<const CheckpointIndex> m_index;
    std::shared_ptr<StreamStatus> m_status;
    std::unique_ptr<ByteStream> m_decoder;
    std::vector<std::uint8_t> m_window;
    std::uint64_t m_windowStart = 0; // decompressed offset of m_window[0]
    bool m_ended = false;
    std::uint64_t m_restarts = 0;
};

} // namespace

Result<std::unique_ptr<CaptureBytes>>
openCaptureBytes(const std::string& path, std::shared_ptr<const CheckpointIndex> index) {
    bool regular = false;
    auto fd = openCaptureFd(path, &regular);
    if (!fd)
        return Error{path + ": cannot open it again (" + fd.error() + ")"};
    if (!regular) {
        if (fd.value() != STDIN_FILENO)
            ::close(fd.value());
        return Error{path + ": not a regular file, it cannot be read again"};
    }
    auto plain = std::make_unique<PlainFileBytes>(fd.value());
    std::uint8_t magic[4] = {};
    auto got = plain->readAt(0, magic, sizeof magic);
    if (!got)
        return Error{path + ": " + got.error()};
    const Compression compression =
        detectCompression(std::vector<std::uint8_t>(magic, magic + got.value()));
    if (compression == Compression::None)
        return std::unique_ptr<CaptureBytes>(std::move(plain));
    if (!index)
        index = std::make_shared<CheckpointIndex>();
    return std::unique_ptr<CaptureBytes>(
        std::make_unique<DecompressedBytes>(path, compression, std::move(index)));
}

} // namespace tcpladder
