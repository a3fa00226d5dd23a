#include "chart/decimation.h"

#include <algorithm>
#include <cmath>

namespace tcpladder::ui {

void LineDecimator::add(TimeNs time, double value) {
    const int column = m_columns.column(time);
    const Sample sample{{time, value}, m_order++};
    if (column != m_column) {
        flush();
        m_column = column;
        m_first = m_min = m_max = m_last = sample;
        return;
    }
    // Right of the range only the first sample matters.
    if (column == m_columns.count())
        return;
    if (value < m_min.point.value)
        m_min = sample;
    if (value > m_max.point.value)
        m_max = sample;
    m_last = sample;
}

void LineDecimator::flush() {
    if (m_column == -2)
        return;
    if (m_column == -1) {
        m_out.push_back(m_last.point);
        return;
    }
    Sample kept[4] = {m_first, m_min, m_max, m_last};
    std::sort(std::begin(kept), std::end(kept),
              [](const Sample& a, const Sample& b) { return a.order < b.order; });
    for (int i = 0; i < 4; ++i)
        if (i == 0 || kept[i].order != kept[i - 1].order)
            m_out.push_back(kept[i].point);
}

std::vector<ChartPoint> LineDecimator::finish() {
    flush();
    m_column = -2;
    return std::move(m_out);
}

void BarDecimator::add(TimeNs time, double low, double high) {
    const int column = m_columns.column(time);
    if (column < 0 || column >= m_columns.count())
        return;
    if (high < low)
        std::swap(low, high);
    // Segments mostly arrive in order, so the newest bar usually just grows;
    // the rest is merged once per column in finish().
    if (!m_pending.empty()) {
        Pending& last = m_pending.back();
        if (last.column == column && low <= last.high && high >= last.low) {
            last.low = std::min(last.low, low);
            last.high = std::max(last.high, high);
            return;
        }
    }
    m_pending.push_back({column, low, high});
}

std::vector<ChartBar> BarDecimator::finish(double gap) {
    std::sort(m_pending.begin(), m_pending.end(), [](const Pending& a, const Pending& b) {
        return a.column != b.column ? a.column < b.column : a.low < b.low;
    });
    std::vector<ChartBar> out;
    for (std::size_t i = 0; i < m_pending.size();) {
        Pending merged = m_pending[i++];
        while (i < m_pending.size() && m_pending[i].column == merged.column &&
               m_pending[i].low - merged.high < gap) {
            merged.high = std::max(merged.high, m_pending[i].high);
            ++i;
        }
        out.push_back({m_columns.center(merged.column), merged.low, merged.high});
    }
    m_pending.clear();
    return out;
}

MarkDecimator::MarkDecimator(const PixelColumns& columns, double valueMin, double valueMax,
                             int rows)
    : m_columns(columns), m_valueMin(valueMin), m_rows(std::max(rows, 1)) {
    const double span = valueMax > valueMin ? valueMax - valueMin : 1.0;
    m_rowsPerValue = m_rows / span;
    const std::size_t cells = static_cast<std::size_t>(m_columns.count()) * (m_rows + 1);
    m_occupied.assign((cells + 63) / 64, 0);
}

void MarkDecimator::add(TimeNs time, double value) {
    const int column = m_columns.column(time);
    if (column < 0 || column >= m_columns.count())
        return;
    const double row = std::floor((value - m_valueMin) * m_rowsPerValue);
    if (!(row >= 0 && row <= m_rows))
        return;
    const std::size_t cell =
        static_cast<std::size_t>(column) * (m_rows + 1) + static_cast<std::size_t>(row);
    std::uint64_t& word = m_occupied[cell / 64];
    const std::uint64_t bit = std::uint64_t{1} << (cell % 64);
    if (word & bit)
        return;
    word |= bit;
    m_out.push_back({time, value});
}

std::vector<ChartPoint> toSteps(const std::vector<ChartPoint>& points, double joinWithin) {
    std::vector<ChartPoint> steps;
    steps.reserve(points.size() * 2);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const bool changed = i > 0 && points[i].value != points[i - 1].value;
        // Measured from the last point drawn: samples that repeat a value are skipped.
        if (changed && static_cast<double>(points[i].time - steps.back().time) >= joinWithin)
            steps.push_back({points[i].time, points[i - 1].value});
        if (i == 0 || changed || i + 1 == points.size())
            steps.push_back(points[i]);
    }
    return steps;
}

} // namespace tcpladder::ui
