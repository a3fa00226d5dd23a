#pragma once

#include "ladder/ladder_exporter.h"
#include "ladder/merged_ladder_layout.h"

#include <QImage>

class QMimeData;

namespace tcpladder::ui {

// The whole merged ladder as one picture (PNG export and tests).
QImage renderMergedLadderImage(const MergedLadderLayout& layout, double pixelRatio = 1);
// The lane header above the content slice [top, bottom): what a view shows.
QImage renderMergedLadderSlice(const MergedLadderLayout& layout, double top, double bottom,
                               double pixelRatio);

// PNG or SVG of the whole merged ladder, or a PDF of it cut into A4 pages
// (a title on the first, the lane header on each).
LadderExportResult exportMergedLadder(const MergedLadderLayout& layout, const QString& path,
                                      LadderFormat format, double pixelRatio = 1);

// The slice [top, bottom) for the clipboard: its picture (at twice the
// pixels, sharp when pasted on a high-DPI screen) and the text of the
// packets drawn in it.
QMimeData* mergedLadderMimeData(const MergedLadderLayout& layout, double top, double bottom);

// The layout an export or a test draws: the painter's label metrics.
MergedLadderLayout mergedLadderLayout(std::shared_ptr<const MergedCapture> merged,
                                      std::size_t connection, MergedLadderOptions options = {});

} // namespace tcpladder::ui
