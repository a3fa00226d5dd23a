#include "ladder/drawing_files.h"

#include "format/output_file.h"

#include <QPdfWriter>
#include <QSvgGenerator>
#include <QtMath>
#include <algorithm>

namespace tcpladder::ui {

LadderExportResult writePngFile(const QString& path, const QImage& image) {
    OutputFile file(path);
    QString error;
    if (!file.open(&error))
        return {false, error, 0, {}};
    if (!image.save(file.device(), "PNG") || !file.finish(&error))
        return {false, error.isEmpty() ? file.failure() : error, 0, {}};
    return {true, {}, 1, image.size()};
}

LadderExportResult writeSvgFile(const QString& path, QSizeF size, const QString& title,
                                const QString& description,
                                const std::function<void(QPainter&)>& paint) {
    OutputFile file(path);
    QString error;
    if (!file.open(&error))
        return {false, error, 0, {}};
    QSvgGenerator generator;
    generator.setOutputDevice(file.device());
    generator.setSize(QSize(qCeil(size.width()), qCeil(size.height())));
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(title);
    if (!description.isEmpty())
        generator.setDescription(description);
    QPainter painter;
    if (!painter.begin(&generator))
        return {false, file.failure(), 0, {}};
    paint(painter);
    if (!painter.end() || !file.finish(&error))
        return {false, error.isEmpty() ? file.failure() : error, 0, {}};
    return {true, {}, 1, {}};
}

LadderExportResult writePdfPages(const QString& path, const QString& title, double width,
                                 double top, double bottom, const PdfPagePainters& painters) {
    OutputFile file(path);
    QString error;
    if (!file.open(&error))
        return {false, error, 0, {}};
    QPdfWriter writer(file.device());
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("tcpladder"));
    QPainter painter;
    if (!painter.begin(&writer))
        return {false, file.failure(), 0, {}};
    const double scale = writer.width() / width;
    const double pageHeight = writer.height() / scale;
    painter.scale(scale, scale);
    int pages = 0;
    for (double y = top; y < bottom || pages == 0; ++pages) {
        if (pages > 0)
            writer.newPage();
        const double pageY = painters.paintAbove(painter, pages);
        // At least a point of body per page, so a header taller than a page still ends.
        const double sliceEnd = std::min(bottom, y + std::max(1.0, pageHeight - pageY));
        painters.paintSlice(painter, pageY, y, sliceEnd);
        y = sliceEnd;
    }
    if (!painter.end() || !file.finish(&error))
        return {false, error.isEmpty() ? file.failure() : error, 0, {}};
    return {true, {}, pages, {}};
}

} // namespace tcpladder::ui
