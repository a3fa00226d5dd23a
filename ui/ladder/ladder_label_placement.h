#pragma once

#include <QRectF>
#include <map>

namespace tcpladder::ui {

// The label rectangles placed so far, all one line high, keyed by their top
// edge: only those whose tops lie less than a line from a new rectangle's can
// meet it, and a binary search finds them. Placing n labels costs
// O(n log n) plus the few labels side by side in each band, however far
// apart in packet order their arrows are (slanted arrows interleave them).
class PlacedLabels {
public:
    explicit PlacedLabels(double lineHeight) : m_lineHeight(lineHeight) {}

    // True when `rect` (one line high) meets no placed rectangle.
    bool isFree(const QRectF& rect) const;
    void add(const QRectF& rect) { m_byTop.emplace(rect.top(), rect); }

private:
    double m_lineHeight;
    std::multimap<double, QRectF> m_byTop;
};

} // namespace tcpladder::ui
