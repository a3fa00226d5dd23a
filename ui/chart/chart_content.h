#pragma once

#include "common/time_ns.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tcpladder::ui {

// What the chart shows, computed by the pure series builders and drawn by
// ChartCanvas. Times are nanoseconds since the connection's first packet;
// values are in the chart's base unit (bytes, bits per second, nanoseconds).

// OneWayDelay charts a merge of two capture points (one_way_delay_chart.h).
enum class ChartKind : std::uint8_t { Sequence, Throughput, Rtt, Window, OneWayDelay };

enum class SeriesRole : std::uint8_t {
    Segments,
    Retransmissions,
    OutOfOrder,
    SackBlocks,
    AckLine,
    WindowLimit,
    ZeroWindow,
    Syn,
    Fin,
    Rst,
    Throughput,
    Goodput,
    Rtt,
    AdvertisedWindow,
    BytesInFlight,
    DelayToServer,
    DelayToClient,
};
constexpr int kSeriesRoleCount = 17;

enum class SeriesShape : std::uint8_t { Bars, Steps, Marks };

SeriesShape shapeOf(SeriesRole role);

enum class ValueKind : std::uint8_t { Bytes, BitsPerSecond, Duration };

// A vertical bar from `low` to `high` at `time` (a segment's bytes, a SACK block).
struct ChartBar {
    TimeNs time = 0;
    double low = 0;
    double high = 0;

    friend bool operator==(const ChartBar&, const ChartBar&) = default;
};

struct ChartPoint {
    TimeNs time = 0;
    double value = 0;

    friend bool operator==(const ChartPoint&, const ChartPoint&) = default;
};

struct ChartSeries {
    SeriesRole role = SeriesRole::Segments;
    std::vector<ChartBar> bars;     // SeriesShape::Bars
    std::vector<ChartPoint> points; // Steps (already expanded to corners) and Marks
};

struct ChartContent {
    ChartKind kind = ChartKind::Sequence;
    ValueKind valueKind = ValueKind::Bytes;
    TimeNs begin = 0; // the time range drawn
    TimeNs end = 1;
    double valueMin = 0; // the value range drawn
    double valueMax = 1;
    std::vector<ChartSeries> series; // only the roles this kind draws, every one present
    std::string note;                // for the status line, e.g. why SACK blocks are hidden

    const ChartSeries* find(SeriesRole role) const;
};

// The roles a kind draws, in drawing order (later on top).
std::vector<SeriesRole> rolesOf(ChartKind kind);

} // namespace tcpladder::ui
