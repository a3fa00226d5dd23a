#include "support/compressors.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <lz4frame.h>
#include <zlib.h>
#include <zstd.h>

namespace tcpladder::test {
namespace {

using Bytes = std::vector<std::uint8_t>;

[[noreturn]] void die(const char* what) {
    std::fprintf(stderr, "compressing test data failed: %s\n", what);
    std::abort();
}

template <typename Compress>
Bytes inPieces(const Bytes& data, std::size_t pieceSize, Compress compress) {
    if (data.empty() || pieceSize == 0)
        return compress(data.data(), data.size());
    Bytes out;
    for (std::size_t at = 0; at < data.size(); at += pieceSize) {
        const Bytes piece = compress(data.data() + at, std::min(pieceSize, data.size() - at));
        out.insert(out.end(), piece.begin(), piece.end());
    }
    return out;
}

Bytes gzipMember(const std::uint8_t* data, std::size_t size) {
    z_stream stream{};
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        die("deflateInit2");
    Bytes out(deflateBound(&stream, size) + 64);
    stream.next_in = const_cast<Bytef*>(data);
    stream.avail_in = static_cast<uInt>(size);
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END)
        die("deflate");
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

Bytes zstdFrame(const std::uint8_t* data, std::size_t size) {
    Bytes out(ZSTD_compressBound(size));
    const std::size_t written = ZSTD_compress(out.data(), out.size(), data, size, 3);
    if (ZSTD_isError(written))
        die("ZSTD_compress");
    out.resize(written);
    return out;
}

Bytes lz4Frame(const std::uint8_t* data, std::size_t size) {
    Bytes out(LZ4F_compressFrameBound(size, nullptr));
    const std::size_t written = LZ4F_compressFrame(out.data(), out.size(), data, size, nullptr);
    if (LZ4F_isError(written))
        die("LZ4F_compressFrame");
    out.resize(written);
    return out;
}

} // namespace

Bytes gzipBytes(const Bytes& data, std::size_t pieceSize) {
    return inPieces(data, pieceSize, gzipMember);
}

Bytes zstdBytes(const Bytes& data, std::size_t pieceSize) {
    return inPieces(data, pieceSize, zstdFrame);
}

Bytes lz4Bytes(const Bytes& data, std::size_t pieceSize) {
    return inPieces(data, pieceSize, lz4Frame);
}

} // namespace tcpladder::test
