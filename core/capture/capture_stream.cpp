#include "capture/capture_stream.h"

#include "capture/read_ahead_stream.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tcpladder {
namespace {

constexpr std::size_t kMagicSize = 4;

// What fopencookie() reads through: the stream, and how far it got, which
// ftell() asks for by a seek of 0 from the current position.
struct Cookie {
    std::unique_ptr<ByteStream> stream;
    std::uint64_t position = 0;
};

ssize_t cookieRead(void* cookie, char* into, std::size_t size) {
    auto* self = static_cast<Cookie*>(cookie);
    const std::ptrdiff_t got = self->stream->read(reinterpret_cast<std::uint8_t*>(into), size);
    if (got < 0) {
        errno = EIO;
        return -1;
    }
    self->position += static_cast<std::uint64_t>(got);
    return got;
}

int cookieSeek(void* cookie, off64_t* offset, int whence) {
    if (whence != SEEK_CUR || *offset != 0) {
        errno = ESPIPE;
        return -1;
    }
    *offset = static_cast<off64_t>(static_cast<Cookie*>(cookie)->position);
    return 0;
}

int cookieClose(void* cookie) {
    delete static_cast<Cookie*>(cookie);
    return 0;
}

FILE* toStdio(std::unique_ptr<ByteStream> stream) {
    auto* cookie = new Cookie{std::move(stream)};
    const cookie_io_functions_t functions{cookieRead, nullptr, cookieSeek, cookieClose};
    FILE* file = fopencookie(cookie, "rb", functions);
    if (!file)
        delete cookie;
    return file;
}

} // namespace

Result<int> openCaptureFd(const std::string& path, bool* regularFile) {
    const int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error{std::strerror(errno)};
    struct stat info {};
    *regularFile = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    return fd;
}

namespace {

// A file decompresses on a thread of its own; in memory (a fuzzer's input,
// mostly small) it does not.
Result<CaptureStream> openOver(std::unique_ptr<ByteStream> input, CaptureStream result,
                               std::size_t headSize, CheckpointIndex* index, bool readAhead) {
    auto raw = std::make_unique<PeekableStream>(std::move(input));
    const std::vector<std::uint8_t>& magic = raw->peek(kMagicSize);
    if (!result.status->error().empty())
        return Error{result.status->error()};
    result.compression = detectCompression(magic);
    std::unique_ptr<ByteStream> stream =
        makeDecompressingStream(result.compression, std::move(raw), result.status, index, nullptr);
    if (result.compression != Compression::None && readAhead)
        stream = std::make_unique<ReadAheadStream>(std::move(stream));
    auto decompressed = std::make_unique<PeekableStream>(std::move(stream));
    result.head = decompressed->peek(headSize);
    if (result.head.size() < headSize && !result.status->error().empty())
        return Error{result.status->error()};
    result.file = toStdio(std::move(decompressed));
    if (!result.file)
        return Error{std::strerror(errno)};
    return result;
}

} // namespace

Result<CaptureStream> openCaptureStream(const std::string& path, std::size_t headSize,
                                        CheckpointIndex* index) {
    CaptureStream result;
    auto fd = openCaptureFd(path, &result.reopenable);
    if (!fd)
        return Error{fd.error()};
    result.status = std::make_shared<StreamStatus>();
    auto input = std::make_unique<FdStream>(fd.value(), result.status);
    return openOver(std::move(input), std::move(result), headSize, index, true);
}

Result<CaptureStream> openCaptureStreamInMemory(const std::uint8_t* data, std::size_t size,
                                                std::size_t headSize) {
    CaptureStream result;
    result.reopenable = true;
    result.status = std::make_shared<StreamStatus>();
    return openOver(std::make_unique<MemoryStream>(data, size), std::move(result), headSize,
                    nullptr, false);
}

} // namespace tcpladder
