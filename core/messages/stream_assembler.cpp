#include "messages/stream_assembler.h"

#include "decode/tcp_segment.h"
#include "tcp/seq_math.h"

#include <algorithm>
#include <cstring>

namespace tcpladder {

void StreamAssembler::add(std::uint64_t frame, TimeNs time, std::uint32_t seq, std::uint8_t flags,
                          std::uint32_t payloadLength, std::span<const std::uint8_t> captured) {
    if ((flags & kSyn) && !m_synSeen) {
        m_synSeen = true;
        m_isn = seq;
    }
    if ((flags & (kFin | kRst)) && !m_close.known)
        m_close = {true, frame, frame, time, time};
    // Wireshark reassembles no payload of a reset.
    if (payloadLength == 0 || (flags & kRst))
        return;
    const std::uint32_t dataSeq = (flags & kSyn) ? seq + 1 : seq;
    std::size_t keep = std::min<std::size_t>(captured.size(), payloadLength);
    if (m_scratch.size() + keep > m_dataLimit)
        keep = 0; // past the limit the bytes are holes
    m_segments.push_back({frame, time, dataSeq, payloadLength, m_scratch.size(), keep});
    m_scratch.insert(m_scratch.end(), captured.begin(), captured.begin() + static_cast<long>(keep));
}

void StreamAssembler::reserve(std::uint64_t bytes) {
    m_scratch.reserve(static_cast<std::size_t>(std::min(bytes, m_dataLimit)));
}

void StreamAssembler::insertUncovered(SpanMap& into, const SpanMap* covered, std::uint64_t from,
                                      std::uint64_t to, std::size_t segment) {
    // The parts of [from, to) that neither map holds yet, found by walking
    // both maps' spans that overlap it.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> taken;
    for (const SpanMap* map : {static_cast<const SpanMap*>(&into), covered}) {
        if (!map)
            continue;
        auto it = map->upper_bound(from);
        if (it != map->begin())
            --it;
        for (; it != map->end() && it->first < to; ++it)
            if (it->second.end > from)
                taken.emplace_back(it->first, it->second.end);
    }
    std::sort(taken.begin(), taken.end());
    std::uint64_t at = from;
    for (const auto& [start, end] : taken) {
        if (start > at)
            into.emplace(at, Span{std::min(start, to), segment});
        at = std::max(at, end);
        if (at >= to)
            return;
    }
    if (at < to)
        into.emplace(at, Span{to, segment});
}

AssembledStream StreamAssembler::finish() {
    AssembledStream stream;
    stream.m_close = m_close;
    if (m_segments.empty())
        return stream;
    // Offsets count from the byte after the SYN; without one, from the first
    // segment's first byte. Sequence numbers unwrap to 64 bits step by step.
    std::uint32_t lastSeq = m_synSeen ? m_isn + 1 : m_segments.front().seq;
    std::int64_t lastOffset = 0;
    SpanMap captured;
    SpanMap missing;
    std::vector<std::int64_t> offsets(m_segments.size());
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const Segment& s = m_segments[i];
        lastOffset += seqDistance(s.seq, lastSeq);
        lastSeq = s.seq;
        offsets[i] = lastOffset;
        const std::int64_t end = lastOffset + s.length;
        const std::int64_t capturedEnd = lastOffset + static_cast<std::int64_t>(s.capturedLength);
        const std::int64_t from = std::max<std::int64_t>(lastOffset, 0);
        if (capturedEnd > from)
            insertUncovered(captured, nullptr, static_cast<std::uint64_t>(from),
                            static_cast<std::uint64_t>(capturedEnd), i);
        if (end > 0)
            stream.m_end = std::max(stream.m_end, static_cast<std::uint64_t>(end));
    }
    // Carried-but-not-captured bytes only where no packet captured them.
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const Segment& s = m_segments[i];
        const std::int64_t from =
            std::max<std::int64_t>(offsets[i] + static_cast<std::int64_t>(s.capturedLength), 0);
        const std::int64_t end = offsets[i] + s.length;
        if (end > from)
            insertUncovered(missing, &captured, static_cast<std::uint64_t>(from),
                            static_cast<std::uint64_t>(end), i);
    }
    const auto source = [&](std::uint64_t start, const Span& span) {
        return m_segments[span.segment].dataIndex +
               static_cast<std::size_t>(static_cast<std::int64_t>(start) - offsets[span.segment]);
    };
    // Without reordering, stream order is capture order: each piece moves
    // towards the front of the scratch buffer (over the retransmitted bytes
    // before it), so the buffer is compacted in place instead of copied, which
    // for a large transfer saves a second buffer and its page faults.
    std::size_t dataSize = 0;
    bool inOrder = true;
    std::size_t lastSource = 0;
    for (const auto& [start, span] : captured) {
        const std::size_t from = source(start, span);
        inOrder = inOrder && from >= lastSource;
        lastSource = from + (span.end - start);
        dataSize += span.end - start;
    }
    if (!inOrder)
        stream.m_data.reserve(dataSize);
    std::size_t written = 0;
    for (const auto& [start, span] : captured) {
        const Segment& s = m_segments[span.segment];
        const std::size_t from = source(start, span);
        const std::size_t length = span.end - start;
        AssembledStream::Piece piece{start, length, s.frame, s.time, true, written};
        if (inOrder)
            std::memmove(m_scratch.data() + written, m_scratch.data() + from, length);
        else
            stream.m_data.insert(stream.m_data.end(), m_scratch.begin() + static_cast<long>(from),
                                 m_scratch.begin() + static_cast<long>(from + length));
        written += length;
        stream.m_captured.push_back(piece);
        if (!stream.m_runs.empty() &&
            stream.m_runs.back().offset + stream.m_runs.back().length == start)
            stream.m_runs.back().length += length;
        else
            stream.m_runs.push_back(piece);
    }
    for (const auto& [start, span] : missing) {
        const Segment& s = m_segments[span.segment];
        stream.m_missing.push_back({start, span.end - start, s.frame, s.time, false, 0});
    }
    if (inOrder) {
        m_scratch.resize(dataSize);
        stream.m_data = std::move(m_scratch);
    }
    m_segments.clear();
    m_scratch.clear();
    return stream;
}

} // namespace tcpladder
