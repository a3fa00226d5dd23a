#pragma once

#include "ladder/ladder_layout.h"

#include <QPainter>
#include <QString>
#include <cstddef>

namespace tcpladder::ui {

// What an exported picture says about itself above the drawing.
struct LadderTitle {
    QString file;       // the capture's file name
    QString connection; // "Connection 3: 10.0.0.1:5068 → 185.8.212.46:80"
    QString range;      // "frames 1–10, 0.000 ms – 99.001 ms (2014-04-03 …)"
    QString facts;      // state, handshake, marks
};

LadderTitle makeLadderTitle(const LadderData& data, std::size_t first, std::size_t last);

// The fixed strip above the scrolling body: the legend, then each lane's
// name and address and the capture point.
double ladderHeaderHeight();
void paintLadderHeader(QPainter& painter, const LadderLayout& layout, double top);

double titleBlockHeight();
void paintTitleBlock(QPainter& painter, const LadderTitle& title, double width, double top);

} // namespace tcpladder::ui
