#pragma once

#include <QImage>
#include <QPainter>
#include <QSize>
#include <QString>
#include <functional>

namespace tcpladder::ui {

struct LadderExportResult {
    bool ok = false;
    QString error;
    int pages = 0;   // PDF
    QSize pixelSize; // PNG
};

// The file formats every ladder (one capture or two points) is written in,
// each through OutputFile, so a full disk is an error and not a short file.

LadderExportResult writePngFile(const QString& path, const QImage& image);

// `paint` draws the whole picture of `size` from (0, 0).
LadderExportResult writeSvgFile(const QString& path, QSizeF size, const QString& title,
                                const QString& description,
                                const std::function<void(QPainter&)>& paint);

// A tall drawing `width` wide across A4 pages: on each page, `paintAbove`
// draws what precedes the body there (a title on the first page, the lane
// header on every page) and returns its height; `paintSlice` then draws the
// body's content slice [sliceTop, sliceBottom) at `pageY`. Content [top,
// bottom) is cut into as many pages as it takes.
struct PdfPagePainters {
    std::function<double(QPainter& painter, int page)> paintAbove;
    std::function<void(QPainter& painter, double pageY, double sliceTop, double sliceBottom)>
        paintSlice;
};
LadderExportResult writePdfPages(const QString& path, const QString& title, double width,
                                 double top, double bottom, const PdfPagePainters& painters);

} // namespace tcpladder::ui
