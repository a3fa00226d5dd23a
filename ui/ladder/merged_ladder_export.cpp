#include "ladder/merged_ladder_export.h"

#include "ladder/merged_ladder_painter.h"
#include "ladder/merged_ladder_text.h"

#include <QMimeData>
#include <QPainter>
#include <QtMath>
#include <algorithm>

namespace tcpladder::ui {
namespace {

// Content [top, bottom) of the layout drawn at `pageY` of the painter's device.
void paintMergedSlice(QPainter& painter, const MergedLadderLayout& layout, double pageY, double top,
                      double bottom) {
    painter.save();
    painter.setClipRect(QRectF(0, pageY, layout.width(), bottom - top));
    painter.translate(0, pageY - top);
    MergedLadderPainter(layout).paint(painter, top, bottom);
    painter.restore();
}

void paintMergedHeader(QPainter& painter, const MergedLadderLayout& layout, double pageY) {
    paintMergedSlice(painter, layout, pageY, 0, layout.headerHeight());
}

LadderExportResult exportMergedPdf(const MergedLadderLayout& layout, const QString& path) {
    const LadderTitle title = mergedLadderTitle(layout.merged(), layout.connection(),
                                                layout.firstPacket(), layout.lastPacket());
    PdfPagePainters painters;
    painters.paintAbove = [&](QPainter& painter, int page) {
        double pageY = 0;
        if (page == 0) {
            paintTitleBlock(painter, title, layout.width(), 0);
            pageY += titleBlockHeight();
        }
        paintMergedHeader(painter, layout, pageY);
        return pageY + layout.headerHeight();
    };
    painters.paintSlice = [&](QPainter& painter, double pageY, double top, double bottom) {
        paintMergedSlice(painter, layout, pageY, top, bottom);
    };
    return writePdfPages(path, title.connection, layout.width(), layout.headerHeight(),
                         layout.height(), painters);
}

} // namespace

MergedLadderLayout mergedLadderLayout(std::shared_ptr<const MergedCapture> merged,
                                      std::size_t connection, MergedLadderOptions options) {
    options.labelHeight = MergedLadderPainter::labelLineHeight();
    auto widths = MergedLadderPainter::labelWidths(merged, connection);
    return MergedLadderLayout(std::move(merged), connection, options, widths);
}

QImage renderMergedLadderImage(const MergedLadderLayout& layout, double pixelRatio) {
    return renderMergedLadderSlice(layout, layout.headerHeight(), layout.height(), pixelRatio);
}

QImage renderMergedLadderSlice(const MergedLadderLayout& layout, double top, double bottom,
                               double pixelRatio) {
    // The header is drawn once, above the body, wherever the slice begins.
    top = std::clamp(top, layout.headerHeight(), layout.height());
    bottom = std::clamp(bottom, top, layout.height());
    const double height = layout.headerHeight() + bottom - top;
    QImage image(qCeil(layout.width() * pixelRatio), qCeil(height * pixelRatio),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(pixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintMergedHeader(painter, layout, 0);
    paintMergedSlice(painter, layout, layout.headerHeight(), top, bottom);
    painter.end();
    return image;
}

LadderExportResult exportMergedLadder(const MergedLadderLayout& layout, const QString& path,
                                      LadderFormat format, double pixelRatio) {
    switch (format) {
    case LadderFormat::Png:
        return writePngFile(path, renderMergedLadderImage(layout, pixelRatio));
    case LadderFormat::Svg:
        return writeSvgFile(path, QSizeF(layout.width(), layout.height()),
                            QObject::tr("Merged ladder of two capture points"), {},
                            [&](QPainter& painter) {
                                MergedLadderPainter(layout).paint(painter, 0, layout.height());
                            });
    case LadderFormat::Pdf:
        break;
    }
    return exportMergedPdf(layout, path);
}

QMimeData* mergedLadderMimeData(const MergedLadderLayout& layout, double top, double bottom) {
    auto* mime = new QMimeData;
    mime->setImageData(renderMergedLadderSlice(layout, top, bottom, 2));
    const auto [first, last] = layout.packetsBetween(top, bottom);
    mime->setText(
        mergedLadderText(layout.merged(), layout.connection(), first, last, layout.origin()));
    return mime;
}

} // namespace tcpladder::ui
