#include "chart/chart_export.h"

#include "chart/chart_canvas.h"

#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace tcpladder::ui {

bool exportChart(ChartCanvas& canvas, const QString& path, double scale, QString* error) {
    const QSize size = canvas.size();
    const QRectF target(QPointF(0, 0), QSizeF(size));
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(target);
        svg.setTitle(QStringLiteral("tcpladder chart"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        painter.fillRect(target, Qt::white);
        canvas.render(&painter, target);
        return painter.end();
    }
    QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        canvas.render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
    }
    if (!image.save(path, "PNG")) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace tcpladder::ui
