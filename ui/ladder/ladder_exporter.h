#pragma once

#include "ladder/drawing_files.h"
#include "ladder/ladder_header.h"
#include "ladder/ladder_layout.h"

#include <QImage>
#include <QString>
#include <cstddef>
#include <memory>
#include <optional>

namespace tcpladder::ui {

enum class LadderFormat { Png, Svg, Pdf };

// From the file name's suffix (.png, .svg, .pdf); nothing when unknown.
std::optional<LadderFormat> ladderFormatForPath(const QString& path);

struct LadderExportRequest {
    QString path;
    LadderFormat format = LadderFormat::Png;
    std::size_t firstPacket = 0; // the packets drawn: [firstPacket, lastPacket)
    std::size_t lastPacket = 0;
    double pixelRatio = 1; // PNG only: 2 for a picture sharp on high-DPI screens
    LadderOptions options; // axis, slant, zoom and width, usually the view's
};

// The slice of content a packet range covers, with room for its slanted arrows.
std::pair<double, double> ladderSliceFor(const LadderLayout& layout, std::size_t first,
                                         std::size_t last);

// Title block, header and the slice, as one picture: PNG export and clipboard.
QImage renderLadderImage(const LadderLayout& layout, const LadderTitle* title, double top,
                         double bottom, double pixelRatio, std::size_t firstPacket = 0,
                         std::size_t lastPacket = static_cast<std::size_t>(-1));

LadderExportResult exportLadder(std::shared_ptr<const LadderData> data,
                                const LadderExportRequest& request);

// The layout an export draws with: the request's options with the label
// font's metrics, at the zoom a view would open at where the range begins
// when the request has none, zoomed out to fit the format's limit.
LadderLayout ladderExportLayout(std::shared_ptr<const LadderData> data,
                                const LadderExportRequest& request);

// Puts what the view shows (header and the visible slice) on the clipboard as an image.
void copyLadderToClipboard(const LadderLayout& layout, double top, double bottom);

} // namespace tcpladder::ui
