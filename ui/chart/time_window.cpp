#include "chart/time_window.h"

#include <algorithm>

namespace tcpladder::ui {

void TimeWindow::set(TimeNs begin, TimeNs end) {
    const TimeNs span = std::clamp(end - begin, std::min(kMinSpan, m_fullEnd), m_fullEnd);
    begin = std::clamp(begin, TimeNs{0}, m_fullEnd - span);
    m_begin = begin;
    m_end = begin + span;
}

void TimeWindow::zoomAround(TimeNs anchor, double factor) {
    const auto before = static_cast<double>(anchor - m_begin);
    const auto after = static_cast<double>(m_end - anchor);
    set(anchor - static_cast<TimeNs>(before * factor),
        anchor + static_cast<TimeNs>(after * factor));
}

} // namespace tcpladder::ui
