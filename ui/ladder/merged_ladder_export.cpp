#include "ladder/merged_ladder_export.h"

#include "format/output_file.h"
#include "ladder/merged_ladder_painter.h"

#include <QPainter>
#include <QSvgGenerator>
#include <QtMath>

namespace tcpladder::ui {

MergedLadderLayout mergedLadderLayout(std::shared_ptr<const MergedCapture> merged,
                                      std::size_t connection, MergedLadderOptions options) {
    options.labelHeight = MergedLadderPainter::labelLineHeight();
    auto widths = MergedLadderPainter::labelWidths(merged, connection);
    return MergedLadderLayout(std::move(merged), connection, options, widths);
}

QImage renderMergedLadderImage(const MergedLadderLayout& layout, double pixelRatio) {
    QImage image(qCeil(layout.width() * pixelRatio), qCeil(layout.height() * pixelRatio),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(pixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    MergedLadderPainter(layout).paint(painter, 0, layout.height());
    painter.end();
    return image;
}

LadderExportResult exportMergedLadder(const MergedLadderLayout& layout, const QString& path,
                                      LadderFormat format, double pixelRatio) {
    OutputFile file(path);
    QString error;
    if (format == LadderFormat::Pdf)
        return {false, QObject::tr("%1: the merged ladder exports as PNG or SVG").arg(path), 0, {}};
    if (!file.open(&error))
        return {false, error, 0, {}};
    if (format == LadderFormat::Png) {
        const QImage image = renderMergedLadderImage(layout, pixelRatio);
        if (!image.save(file.device(), "PNG") || !file.finish(&error))
            return {false, error.isEmpty() ? file.failure() : error, 0, {}};
        return {true, {}, 1, image.size()};
    }
    QSvgGenerator generator;
    generator.setOutputDevice(file.device());
    generator.setSize(QSize(qCeil(layout.width()), qCeil(layout.height())));
    generator.setViewBox(QRectF(0, 0, layout.width(), layout.height()));
    generator.setTitle(QObject::tr("Merged ladder of two capture points"));
    QPainter painter;
    if (!painter.begin(&generator))
        return {false, file.failure(), 0, {}};
    MergedLadderPainter(layout).paint(painter, 0, layout.height());
    if (!painter.end() || !file.finish(&error))
        return {false, error.isEmpty() ? file.failure() : error, 0, {}};
    return {true, {}, 1, {}};
}

} // namespace tcpladder::ui
