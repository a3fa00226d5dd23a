#pragma once

#include "common/time_ns.h"
#include "messages/assembled_stream.h"

#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace tcpladder {

// Puts one direction's segments, given in capture order, back into stream
// order. The first packet to carry a byte is its origin: retransmissions and
// overlaps add nothing, reordered segments land where their sequence number
// says, and bytes no packet captured (snaplen, loss) stay holes.
class StreamAssembler {
public:
    // Captured payload kept per direction; past it segments only count as
    // carried, so a multi-gigabyte transfer costs bounded memory.
    static constexpr std::uint64_t kDefaultDataLimit = 64ull << 20;

    explicit StreamAssembler(std::uint64_t dataLimit = kDefaultDataLimit)
        : m_dataLimit(dataLimit) {}

    // `payloadLength` is what the packet carried on the wire; `captured` may
    // be shorter (snaplen) but never longer.
    void add(std::uint64_t frame, TimeNs time, std::uint32_t seq, std::uint8_t flags,
             std::uint32_t payloadLength, std::span<const std::uint8_t> captured);

    // Room for `bytes` of captured payload, so that a large transfer is
    // copied once rather than at every doubling of the buffer.
    void reserve(std::uint64_t bytes);

    AssembledStream finish();

private:
    struct Segment {
        std::uint64_t frame;
        TimeNs time;
        std::uint32_t seq;
        std::uint32_t length;
        std::size_t dataIndex;
        std::size_t capturedLength;
    };
    struct Span {
        std::uint64_t end;
        std::size_t segment;
    };
    using SpanMap = std::map<std::uint64_t, Span>;

    static void insertUncovered(SpanMap& into, const SpanMap* covered, std::uint64_t from,
                                std::uint64_t to, std::size_t segment);

    std::uint64_t m_dataLimit;
    std::vector<Segment> m_segments;
    std::vector<std::uint8_t> m_scratch; // captured payloads in capture order
    bool m_synSeen = false;
    std::uint32_t m_isn = 0;
    StreamOrigin m_close;
};

} // namespace tcpladder
