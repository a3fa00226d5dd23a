#pragma once

#include "common/time_ns.h"

#include <cmath>
#include <cstdint>

namespace tcpladder::ui {

// The time↔pixel-column mapping of one rendering: [begin, end) cut into
// `count` equal columns. Times before the range fall in column -1 and after
// it in column `count`, so a series can keep one point on each side and run
// off the edges of the plot instead of stopping short of them.
class PixelColumns {
public:
    PixelColumns(TimeNs begin, TimeNs end, int count)
        : m_begin(begin), m_end(end > begin ? end : begin + 1), m_count(count > 0 ? count : 1),
          m_columnsPerNs(static_cast<double>(m_count) / static_cast<double>(m_end - m_begin)) {}

    TimeNs begin() const { return m_begin; }
    TimeNs end() const { return m_end; }
    int count() const { return m_count; }
    TimeNs span() const { return m_end - m_begin; }

    int column(TimeNs time) const {
        if (time < m_begin)
            return -1;
        if (time >= m_end)
            return m_count;
        const auto c =
            static_cast<std::int64_t>(static_cast<double>(time - m_begin) * m_columnsPerNs);
        return c < m_count ? static_cast<int>(c) : m_count - 1;
    }
    // Where a bar standing for a whole column is drawn.
    TimeNs center(int column) const {
        return m_begin + static_cast<TimeNs>((column + 0.5) / m_columnsPerNs);
    }
    double nsPerColumn() const { return 1.0 / m_columnsPerNs; }

private:
    TimeNs m_begin;
    TimeNs m_end;
    int m_count;
    double m_columnsPerNs;
};

} // namespace tcpladder::ui
