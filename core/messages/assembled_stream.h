#pragma once

#include "common/time_ns.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tcpladder {

// Which packets carried a range of stream bytes, and when.
struct StreamOrigin {
    bool known = false;
    std::uint64_t firstFrame = 0;
    std::uint64_t lastFrame = 0;
    TimeNs firstTime = 0;
    TimeNs lastTime = 0;
};

// One direction's payload in stream order, built by StreamAssembler. Bytes
// the capture lacks (snaplen, loss) are holes: parsers see the captured runs
// only, yet every byte a packet carried, captured or not, maps back to the
// first packet that carried it.
class AssembledStream {
public:
    struct Piece {
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
        std::uint64_t frame = 0;
        TimeNs time = 0;
        bool captured = false;
        std::size_t dataIndex = 0; // into the run data, when captured
    };

    // One past the last byte any packet carried.
    std::uint64_t end() const { return m_end; }
    // The captured bytes from `offset` on, up to the next hole (at most `max`);
    // empty when `offset` lies in a hole or past the end.
    std::span<const std::uint8_t> bytesAt(std::uint64_t offset, std::size_t max = SIZE_MAX) const;
    // True when every byte of [from, to) was captured.
    bool captured(std::uint64_t from, std::uint64_t to) const;
    // Where the next captured segment after `offset` begins; end() when none.
    // A parser that lost its place tries again there, as Wireshark hands
    // each segment that starts no reassembly to the dissector afresh.
    std::uint64_t nextSegmentStart(std::uint64_t offset) const;
    StreamOrigin origin(std::uint64_t from, std::uint64_t to) const;
    // Where the first `count` captured segments begin: where a protocol that
    // follows a plain-text preamble (STARTTLS) may start.
    std::vector<std::uint64_t> segmentStarts(std::size_t count) const;
    // The first FIN or RST of this direction: where a body read until the
    // connection closes ends (Wireshark shows such a message there).
    const StreamOrigin& close() const { return m_close; }

private:
    friend class StreamAssembler;

    std::vector<Piece> m_captured; // by offset, disjoint, data contiguous in m_data
    std::vector<Piece> m_missing;  // carried but not captured, disjoint from m_captured
    std::vector<Piece> m_runs;     // touching captured pieces merged, for bytesAt()
    std::vector<std::uint8_t> m_data;
    std::uint64_t m_end = 0;
    StreamOrigin m_close;
};

} // namespace tcpladder
