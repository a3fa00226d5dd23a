#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// The compressed forms of a capture that Wireshark reads, made in memory
// with the same libraries the core decompresses with. A non-zero `pieceSize`
// splits the input into that many bytes per gzip member or zstd / lz4
// frame, as pigz, pzstd or `cat a.gz b.gz` do.
namespace tcpladder::test {

std::vector<std::uint8_t> gzipBytes(const std::vector<std::uint8_t>& data,
                                    std::size_t pieceSize = 0);
std::vector<std::uint8_t> zstdBytes(const std::vector<std::uint8_t>& data,
                                    std::size_t pieceSize = 0);
std::vector<std::uint8_t> lz4Bytes(const std::vector<std::uint8_t>& data,
                                   std::size_t pieceSize = 0);

} // namespace tcpladder::test
