#include "chart/chart_export.h"

#include "chart/chart_canvas.h"
#include "format/output_file.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace tcpladder::ui {

std::optional<ChartFileFormat> chartFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ChartFileFormat::Png;
    if (suffix == QLatin1String("svg"))
        return ChartFileFormat::Svg;
    return std::nullopt;
}

bool exportChart(ChartCanvas& canvas, const QString& path, double scale, QString* error) {
    const auto format = chartFormatForPath(path);
    if (!format) {
        *error = QStringLiteral("%1: a chart is written as .png or .svg").arg(path);
        return false;
    }
    const QSize size = canvas.size();
    const QRectF target(QPointF(0, 0), QSizeF(size));
    OutputFile file(path);
    if (!file.open(error))
        return false;
    if (*format == ChartFileFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(file.device());
        svg.setSize(size);
        svg.setViewBox(target);
        svg.setTitle(QStringLiteral("tcpladder chart"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = file.failure();
            return false;
        }
        painter.fillRect(target, Qt::white);
        canvas.render(&painter, target);
        if (!painter.end()) {
            *error = file.failure();
            return false;
        }
        return file.finish(error);
    }
    QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        canvas.render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
    }
    if (!image.save(file.device(), "PNG")) {
        *error = file.failure();
        return false;
    }
    return file.finish(error);
}

} // namespace tcpladder::ui
