#pragma once

#include "chart/chart_content.h"

#include <QColor>
#include <QString>

namespace tcpladder::ui {

enum class MarkShape : std::uint8_t { Circle, Square, Triangle, Diamond, Star };

// How each role looks, chosen so loss reads at a glance on white: segments
// dark, retransmissions red, the ACK line green and the window limit olive
// as in tcptrace, SACK blocks purple.
struct SeriesStyle {
    QString name;
    QColor color;
    double lineWidth = 1.5; // steps; for bars the stem's width
    MarkShape shape = MarkShape::Circle;
    double markSize = 8; // pixels
    int z = 0;           // drawing order, higher on top
};

SeriesStyle styleOf(SeriesRole role);

} // namespace tcpladder::ui
