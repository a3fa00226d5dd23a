#pragma once

#include "common/time_ns.h"

namespace tcpladder::ui {

// The visible time range of a connection's chart, kept inside the
// connection: [0, fullEnd) at most, kMinSpan at least. Zooming and panning
// shift rather than shrink the range at the edges, so a pan never zooms.
class TimeWindow {
public:
    static constexpr TimeNs kMinSpan = 1000; // 1 µs: below it no capture clock is exact

    explicit TimeWindow(TimeNs fullEnd = 1) : m_fullEnd(fullEnd > 0 ? fullEnd : 1) { reset(); }

    TimeNs begin() const { return m_begin; }
    TimeNs end() const { return m_end; }
    TimeNs span() const { return m_end - m_begin; }
    TimeNs fullEnd() const { return m_fullEnd; }
    bool isFull() const { return m_begin == 0 && m_end == m_fullEnd; }

    void set(TimeNs begin, TimeNs end);
    // `anchor` stays where it is on screen; factor < 1 zooms in.
    void zoomAround(TimeNs anchor, double factor);
    void panBy(TimeNs delta) { set(m_begin + delta, m_end + delta); }
    void reset() {
        m_begin = 0;
        m_end = m_fullEnd;
    }

private:
    TimeNs m_fullEnd;
    TimeNs m_begin = 0;
    TimeNs m_end = 1;
};

} // namespace tcpladder::ui
