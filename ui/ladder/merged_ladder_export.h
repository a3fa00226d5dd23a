#pragma once

#include "ladder/ladder_exporter.h"
#include "ladder/merged_ladder_layout.h"

#include <QImage>

namespace tcpladder::ui {

// The whole merged ladder as one picture (PNG export and tests).
QImage renderMergedLadderImage(const MergedLadderLayout& layout, double pixelRatio = 1);

// PNG or SVG of the whole merged ladder; PDF is not offered for it.
LadderExportResult exportMergedLadder(const MergedLadderLayout& layout, const QString& path,
                                      LadderFormat format, double pixelRatio = 1);

// The layout an export or a test draws: the painter's label metrics.
MergedLadderLayout mergedLadderLayout(std::shared_ptr<const MergedCapture> merged,
                                      std::size_t connection, MergedLadderOptions options = {});

} // namespace tcpladder::ui
