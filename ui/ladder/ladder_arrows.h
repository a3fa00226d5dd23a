#pragma once

#include "ladder/ladder_layout.h"

#include <QColor>
#include <QPainter>
#include <QPointF>
#include <cstddef>
#include <optional>
#include <vector>

namespace tcpladder::ui {

// Draws a line ending in a filled arrowhead at `end`.
void paintArrowLine(QPainter& painter, QPointF start, QPointF end, const QColor& color,
                    double width);

// Draws the arrows of `drawn` in that order, each later one on top, with a dot
// where each passes the capture point when `captureDots` is set.
//
// On a raster device, a run of consecutive arrows of one kind that are
// copies of each other shifted by less than a share of their line width
// looks like one solid band, so its shafts are filled as one wide line:
// an anti-aliased slanted line costs per scanline it crosses, not per pixel,
// and a dense ladder has hundreds of them 1 px apart. Heads and dots are
// still drawn one per arrow. Vector devices get every shaft as its own line.
void paintArrows(QPainter& painter, const LadderLayout& layout,
                 const std::vector<std::size_t>& drawn, std::optional<std::size_t> emphasised,
                 bool captureDots);

} // namespace tcpladder::ui
