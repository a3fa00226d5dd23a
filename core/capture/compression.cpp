#include "capture/compression.h"

#include "capture/decompressors.h"

#include <algorithm>

namespace tcpladder {

Compression detectCompression(const std::vector<std::uint8_t>& head) {
    const auto startsWith = [&](std::initializer_list<std::uint8_t> magic) {
        return head.size() >= magic.size() && std::equal(magic.begin(), magic.end(), head.begin());
    };
    if (startsWith({0x1f, 0x8b}))
        return Compression::Gzip;
    if (startsWith({0x28, 0xb5, 0x2f, 0xfd}))
        return Compression::Zstd;
    if (startsWith({0x04, 0x22, 0x4d, 0x18}))
        return Compression::Lz4;
    return Compression::None;
}

const char* compressionName(Compression compression) {
    switch (compression) {
    case Compression::Gzip:
        return "gzip";
    case Compression::Zstd:
        return "zstd";
    case Compression::Lz4:
        return "lz4";
    case Compression::None:
        break;
    }
    return "uncompressed";
}

bool CheckpointIndex::wants(std::uint64_t offset) const {
    const std::uint64_t last = m_points.empty() ? 0 : m_points.back().offset;
    return offset >= last + m_spacing;
}

void CheckpointIndex::add(Checkpoint point) {
    if (!m_points.empty() && point.offset <= m_points.back().offset)
        return;
    if (m_points.size() == kMaxPoints) {
        std::vector<Checkpoint> kept;
        kept.reserve(kMaxPoints);
        for (std::size_t i = 1; i < m_points.size(); i += 2)
            kept.push_back(std::move(m_points[i]));
        m_points = std::move(kept);
        m_spacing *= 2;
    }
    m_points.push_back(std::move(point));
}

const Checkpoint* CheckpointIndex::before(std::uint64_t offset) const {
    const auto after = std::upper_bound(
        m_points.begin(), m_points.end(), offset,
        [](std::uint64_t value, const Checkpoint& point) { return value < point.offset; });
    return after == m_points.begin() ? nullptr : &*(after - 1);
}

std::size_t CheckpointIndex::memoryBytes() const {
    std::size_t total = m_points.capacity() * sizeof(Checkpoint);
    for (const Checkpoint& point : m_points)
        total += point.window.capacity();
    return total;
}

std::unique_ptr<ByteStream> makeDecompressingStream(Compression compression,
                                                    std::unique_ptr<ByteStream> input,
                                                    std::shared_ptr<StreamStatus> status,
                                                    CheckpointIndex* index,
                                                    const Checkpoint* start) {
    switch (compression) {
    case Compression::Gzip:
        return makeGzipStream(std::move(input), std::move(status), index, start);
    case Compression::Zstd:
        return makeZstdStream(std::move(input), std::move(status), index, start);
    case Compression::Lz4:
        return makeLz4Stream(std::move(input), std::move(status), index, start);
    case Compression::None:
        break;
    }
    return input;
}

} // namespace tcpladder
