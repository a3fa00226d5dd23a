#include "messages/assembled_stream.h"

#include <algorithm>

namespace tcpladder {
namespace {

using Piece = AssembledStream::Piece;

// The piece holding `offset`, or the first after it.
std::vector<Piece>::const_iterator pieceAtOrAfter(const std::vector<Piece>& pieces,
                                                  std::uint64_t offset) {
    auto it =
        std::upper_bound(pieces.begin(), pieces.end(), offset,
                         [](std::uint64_t value, const Piece& p) { return value < p.offset; });
    if (it != pieces.begin() && std::prev(it)->offset + std::prev(it)->length > offset)
        --it;
    return it;
}

void widen(StreamOrigin& origin, const Piece& piece) {
    if (!origin.known) {
        origin = {true, piece.frame, piece.frame, piece.time, piece.time};
        return;
    }
    origin.firstFrame = std::min(origin.firstFrame, piece.frame);
    origin.lastFrame = std::max(origin.lastFrame, piece.frame);
    origin.firstTime = std::min(origin.firstTime, piece.time);
    origin.lastTime = std::max(origin.lastTime, piece.time);
}

void widenOver(const std::vector<Piece>& pieces, std::uint64_t from, std::uint64_t to,
               StreamOrigin& origin) {
    for (auto it = pieceAtOrAfter(pieces, from); it != pieces.end() && it->offset < to; ++it)
        widen(origin, *it);
}

} // namespace

std::span<const std::uint8_t> AssembledStream::bytesAt(std::uint64_t offset,
                                                       std::size_t max) const {
    const auto it = pieceAtOrAfter(m_runs, offset);
    if (it == m_runs.end() || it->offset > offset)
        return {};
    const std::uint64_t available = std::min<std::uint64_t>(it->offset + it->length - offset, max);
    return {m_data.data() + it->dataIndex + (offset - it->offset),
            static_cast<std::size_t>(available)};
}

bool AssembledStream::captured(std::uint64_t from, std::uint64_t to) const {
    const auto it = pieceAtOrAfter(m_runs, from);
    return from >= to ||
           (it != m_runs.end() && it->offset <= from && it->offset + it->length >= to);
}

std::uint64_t AssembledStream::nextSegmentStart(std::uint64_t offset) const {
    const auto it =
        std::upper_bound(m_captured.begin(), m_captured.end(), offset,
                         [](std::uint64_t value, const Piece& p) { return value < p.offset; });
    return it == m_captured.end() ? m_end : it->offset;
}

std::vector<std::uint64_t> AssembledStream::segmentStarts(std::size_t count) const {
    std::vector<std::uint64_t> starts;
    for (std::size_t i = 0; i < m_captured.size() && starts.size() < count; ++i)
        if (starts.empty() || starts.back() != m_captured[i].offset)
            starts.push_back(m_captured[i].offset);
    return starts;
}

StreamOrigin AssembledStream::origin(std::uint64_t from, std::uint64_t to) const {
    StreamOrigin origin;
    if (to <= from)
        to = from + 1;
    widenOver(m_captured, from, to, origin);
    widenOver(m_missing, from, to, origin);
    return origin;
}

} // namespace tcpladder
