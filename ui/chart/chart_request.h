#pragma once

#include "analysis/sequence_state.h"
#include "analysis/time_index.h"
#include "chart/chart_content.h"
#include "load/loaded_capture.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace tcpladder {
struct RttSample;
} // namespace tcpladder

namespace tcpladder::ui {

class SequenceBlocks;

// SACK blocks of one packet of the connection, relative to the same base as
// the record's ACK number. Reading them costs a file access per packet.
class SackSource {
public:
    virtual ~SackSource() = default;
    virtual std::vector<std::pair<std::uint32_t, std::uint32_t>> blocks(std::size_t index) = 0;
};

// Everything a series builder reads: which connection and direction, which
// time range at what pixel size, and the shared per-connection indexes.
struct ChartRequest {
    const LoadedCapture* capture = nullptr;
    std::uint32_t connection = 0;
    const SequenceCheckpoints* checkpoints = nullptr;
    const PacketTimeIndex* timeIndex = nullptr;
    // Set (for `sender`): the sequence chart reads block summaries where it can.
    const SequenceBlocks* blocks = nullptr;
    Side sender = kSideA; // the direction drawn: data from `sender`, ACKs from the other
    TimeNs begin = 0;     // since the connection's first packet
    TimeNs end = 1;
    int columns = 800; // plot width in pixels
    int rows = 400;    // plot height in pixels
    // Set: the value axis shows exactly this range (after a rubber-band zoom).
    std::optional<std::pair<double, double>> pinnedValues;
    TimeNs throughputWindow = 100'000'000;
    const std::vector<RttSample>* rttSamples = nullptr; // for ChartKind::Rtt
    SackSource* sack = nullptr;                         // null: no SACK blocks
    // SACK blocks are read from the file only when the range holds at most
    // this many ACKs.
    std::size_t sackReadLimit = 400;

    Side receiver() const { return sender == kSideA ? kSideB : kSideA; }
};

// The packets of the request's range [first, last), widened to [from, to) by
// the receiver's nearest ACK on each side, so lines run off the plot's edges.
struct PacketRange {
    std::size_t from = 0;
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t to = 0;

    bool inRange(std::size_t index) const { return index >= first && index < last; }
};
PacketRange packetRange(const ChartRequest& request);

// The lowest and highest value seen, then padded into a drawable range.
class ValueExtent {
public:
    void add(double value) {
        if (value < m_min)
            m_min = value;
        if (value > m_max)
            m_max = value;
    }
    bool empty() const { return m_min > m_max; }
    double min() const { return m_min; }
    double max() const { return m_max; }
    // A little air above and below; pinned ranges are taken as they are.
    std::pair<double, double> range(const ChartRequest& request, double floor) const;

private:
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = -std::numeric_limits<double>::infinity();
};

} // namespace tcpladder::ui
