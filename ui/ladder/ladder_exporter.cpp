#include "ladder/ladder_exporter.h"

#include "ladder/ladder_painter.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <algorithm>

namespace tcpladder::ui {
namespace {

// ImageMagick refuses taller pictures by default, and so do many viewers and
// ticket systems: a PNG past it zooms out, and labels bundle to fit.
constexpr double kMaxImageHeight = 16000;
// SVG and PDF zoom out past these so that a connection of millions of
// packets exports in bounded memory (Qt's SVG generator holds the whole
// document until it ends; PDF pages stream) and opens in a viewer.
constexpr double kMaxSvgHeight = 50000;
constexpr double kMaxPdfHeight = 150000;
// Rows this thin still draw one arrow per pixel row, and bundle labels.
constexpr double kMinRowHeight = 1e-3;
constexpr double kSliceMargin = 14;
constexpr std::size_t kSliceScan = 4096;

void paintSlice(QPainter& painter, const LadderLayout& layout, double pageY, double top,
                double bottom, std::size_t first, std::size_t last) {
    painter.save();
    painter.setClipRect(QRectF(0, pageY, layout.columns().width, bottom - top));
    painter.translate(0, pageY - top);
    LadderPaintParams params;
    params.top = top;
    params.bottom = bottom;
    params.firstPacket = first;
    params.lastPacket = last;
    LadderPainter(layout).paint(painter, params);
    painter.restore();
}

// A layout whose slice for the range stays under `maxHeight`, zooming out if needed.
LadderLayout fittedLayout(std::shared_ptr<const LadderData> data, LadderOptions options,
                          std::size_t first, std::size_t last, double maxHeight) {
    LadderLayout layout(data, options);
    for (int attempt = 0; attempt < 4; ++attempt) {
        const auto [top, bottom] = ladderSliceFor(layout, first, last);
        if (bottom - top <= maxHeight)
            break;
        const double shrink = maxHeight / (bottom - top) * 0.95;
        options.pixelsPerSecond = layout.pixelsPerSecond() * shrink;
        options.rowHeight = std::max(kMinRowHeight, options.rowHeight * shrink);
        layout = LadderLayout(data, options);
    }
    return layout;
}

LadderExportResult exportPdf(const LadderLayout& layout, const LadderTitle& title,
                             const LadderExportRequest& request) {
    const double width = layout.columns().width;
    const auto [top, bottom] = ladderSliceFor(layout, request.firstPacket, request.lastPacket);
    PdfPagePainters painters;
    painters.paintAbove = [&](QPainter& painter, int page) {
        double pageY = 0;
        if (page == 0) {
            paintTitleBlock(painter, title, width, 0);
            pageY += titleBlockHeight();
        }
        paintLadderHeader(painter, layout, pageY);
        return pageY + ladderHeaderHeight();
    };
    painters.paintSlice = [&](QPainter& painter, double pageY, double sliceTop,
                              double sliceBottom) {
        paintSlice(painter, layout, pageY, sliceTop, sliceBottom, request.firstPacket,
                   request.lastPacket);
    };
    return writePdfPages(request.path, title.connection, width, top, bottom, painters);
}

LadderExportResult exportSvg(const LadderLayout& layout, const LadderTitle& title,
                             const LadderExportRequest& request) {
    const auto [top, bottom] = ladderSliceFor(layout, request.firstPacket, request.lastPacket);
    const double width = layout.columns().width;
    const double height = titleBlockHeight() + ladderHeaderHeight() + (bottom - top);
    return writeSvgFile(request.path, QSizeF(width, height), title.connection, title.range,
                        [&](QPainter& painter) {
                            paintTitleBlock(painter, title, width, 0);
                            paintLadderHeader(painter, layout, titleBlockHeight());
                            paintSlice(painter, layout, titleBlockHeight() + ladderHeaderHeight(),
                                       top, bottom, request.firstPacket, request.lastPacket);
                        });
}

} // namespace

std::optional<LadderFormat> ladderFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return LadderFormat::Png;
    if (suffix == QLatin1String("svg"))
        return LadderFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return LadderFormat::Pdf;
    return std::nullopt;
}

std::pair<double, double> ladderSliceFor(const LadderLayout& layout, std::size_t first,
                                         std::size_t last) {
    const std::size_t count = layout.data().packetCount();
    last = std::min(last, count);
    if (first >= last)
        return {0, std::min(layout.contentHeight(), 200.0)};
    // Slanted arrows near either end may reach beyond the first and last
    // ones; a bounded look at the packets there keeps exports of huge ranges quick.
    double top = layout.arrow(first).start.y() - layout.options().lineHeight;
    for (std::size_t i = first; i < std::min(last, first + kSliceScan); ++i)
        top = std::min(top, layout.arrow(i).start.y());
    double bottom = layout.arrow(last - 1).end.y();
    for (std::size_t i = last - std::min(last - first, kSliceScan); i < last; ++i)
        bottom = std::max(bottom, layout.arrow(i).end.y());
    top -= kSliceMargin;
    bottom += kSliceMargin + layout.options().lineHeight;
    return {std::max(0.0, top), std::min(layout.contentHeight(), bottom)};
}

QImage renderLadderImage(const LadderLayout& layout, const LadderTitle* title, double top,
                         double bottom, double pixelRatio, std::size_t firstPacket,
                         std::size_t lastPacket) {
    const double width = layout.columns().width;
    const double above = (title ? titleBlockHeight() : 0) + ladderHeaderHeight();
    const QSize size(qCeil(width * pixelRatio), qCeil((above + bottom - top) * pixelRatio));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(pixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    if (title)
        paintTitleBlock(painter, *title, width, 0);
    paintLadderHeader(painter, layout, title ? titleBlockHeight() : 0);
    paintSlice(painter, layout, above, top, bottom, firstPacket, lastPacket);
    painter.end();
    return image;
}

LadderExportResult exportLadder(std::shared_ptr<const LadderData> data,
                                const LadderExportRequest& request) {
    if (!data || data->packetCount() == 0)
        return {false, QStringLiteral("the connection has no packets"), 0, {}};
    const std::size_t last = std::min(request.lastPacket, data->packetCount());
    if (request.firstPacket >= last)
        return {false, QStringLiteral("the packet range is empty"), 0, {}};
    LadderExportRequest fixed = request;
    fixed.lastPacket = last;
    const LadderTitle title = makeLadderTitle(*data, request.firstPacket, last);
    const LadderLayout layout = ladderExportLayout(data, fixed);
    switch (request.format) {
    case LadderFormat::Svg:
        return exportSvg(layout, title, fixed);
    case LadderFormat::Pdf:
        return exportPdf(layout, title, fixed);
    case LadderFormat::Png:
        break;
    }
    const auto [top, bottom] = ladderSliceFor(layout, fixed.firstPacket, last);
    return writePngFile(request.path,
                        renderLadderImage(layout, &title, top, bottom, request.pixelRatio,
                                          fixed.firstPacket, last));
}

LadderLayout ladderExportLayout(std::shared_ptr<const LadderData> data,
                                const LadderExportRequest& request) {
    LadderOptions options = request.options;
    applyLabelMetrics(options);
    // Without the view's zoom, the one a view would open at, its first
    // screen where the range begins: a whole short connection fits, a range
    // of a long one gets a round trip per screen.
    if (options.pixelsPerSecond <= 0)
        options.pixelsPerSecond =
            LadderLayout::defaultPixelsPerSecond(*data, options, request.firstPacket);
    const double above = titleBlockHeight() + ladderHeaderHeight();
    const double maxHeight =
        request.format == LadderFormat::Png
            ? kMaxImageHeight / std::max(1.0, request.pixelRatio) - above
            : (request.format == LadderFormat::Svg ? kMaxSvgHeight : kMaxPdfHeight) - above;
    const std::size_t last = std::min(request.lastPacket, data->packetCount());
    return fittedLayout(std::move(data), options, request.firstPacket, last, maxHeight);
}

void copyLadderToClipboard(const LadderLayout& layout, double top, double bottom) {
    const QImage image = renderLadderImage(layout, nullptr, top, bottom, 2);
    QGuiApplication::clipboard()->setImage(image);
}

} // namespace tcpladder::ui
