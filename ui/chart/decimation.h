#pragma once

#include "chart/chart_content.h"
#include "chart/pixel_columns.h"

#include <cstdint>
#include <vector>

namespace tcpladder::ui {

// Reducers that turn millions of samples into a few per pixel column without
// losing what the eye must see: a spike, a lone retransmission, a stall.
// Each is fed in time order and is independent of Qt Charts.

// A line keeps, per column, its first, lowest, highest and last sample (at
// most four, in time order); left of the range only the last sample and right
// of it only the first, so the line enters and leaves at the plot's edges.
class LineDecimator {
public:
    explicit LineDecimator(const PixelColumns& columns) : m_columns(columns) {}

    void add(TimeNs time, double value);
    std::vector<ChartPoint> finish();

private:
    struct Sample {
        ChartPoint point;
        std::uint64_t order = 0;
    };
    void flush();

    PixelColumns m_columns;
    std::vector<ChartPoint> m_out;
    int m_column = -2; // none yet
    std::uint64_t m_order = 0;
    Sample m_first, m_min, m_max, m_last;
};

// Vertical bars merge per column where they overlap, touch or lie less than
// `gap` apart; each merged bar spans exactly its members (its low is a
// member's low, its high a member's high) and stands at the column's centre.
// Every input bar is covered by an output bar in its own column.
class BarDecimator {
public:
    explicit BarDecimator(const PixelColumns& columns) : m_columns(columns) {}

    // Bars outside the range are dropped.
    void add(TimeNs time, double low, double high);
    std::vector<ChartBar> finish(double gap);
    bool empty() const { return m_pending.empty(); }

private:
    struct Pending {
        int column;
        double low;
        double high;
    };
    PixelColumns m_columns;
    std::vector<Pending> m_pending;
};

// Point marks keep the first sample of every occupied cell of a grid of
// columns × `rows` over [valueMin, valueMax]; values outside are not drawn.
class MarkDecimator {
public:
    MarkDecimator(const PixelColumns& columns, double valueMin, double valueMax, int rows);

    void add(TimeNs time, double value);
    std::vector<ChartPoint> finish() { return std::move(m_out); }

private:
    PixelColumns m_columns;
    double m_valueMin;
    double m_rowsPerValue;
    int m_rows;
    std::vector<std::uint64_t> m_occupied; // one bit per cell
    std::vector<ChartPoint> m_out;
};

// Turns line corners into a step line: each value holds until the next
// sample's time (what an ACK number or a window does between packets).
// Samples closer than `joinWithin` are joined directly: a step narrower than
// a pixel column is invisible, and every corner costs Qt Charts time.
std::vector<ChartPoint> toSteps(const std::vector<ChartPoint>& points, double joinWithin = 0);

} // namespace tcpladder::ui
