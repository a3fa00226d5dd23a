#include "chart/plot_layer.h"

#include "chart/series_style.h"

#include <QPainter>
#include <QPolygonF>
#include <algorithm>

namespace tcpladder::ui {
namespace {

// Lines run off the plot's edges to points far outside it (the last ACK
// before a narrow range); kept a little outside, they look the same and the
// rasteriser never sees coordinates in the billions.
QPolygonF stepPolyline(const std::vector<ChartPoint>& points, const PlotMapping& mapping) {
    const QRectF reach = mapping.plot.adjusted(-16, -16, 16, 16);
    QPolygonF line;
    line.reserve(static_cast<qsizetype>(points.size()));
    for (const ChartPoint& p : points)
        line.append(QPointF(std::clamp(mapping.x(p.time), reach.left(), reach.right()),
                            std::clamp(mapping.y(p.value), reach.top(), reach.bottom())));
    return line;
}

} // namespace

PlotLayer::PlotLayer(QGraphicsItem* parent) : QGraphicsItem(parent) {}

void PlotLayer::setContent(const ChartContent& content) {
    m_mapping.begin = content.begin;
    m_mapping.end = content.end;
    m_mapping.valueMin = content.valueMin;
    m_mapping.valueMax = content.valueMax;
    m_series.clear();
    for (const ChartSeries& s : content.series)
        if (shapeOf(s.role) != SeriesShape::Marks)
            m_series.push_back(s);
    update();
}

void PlotLayer::setPlotArea(const QRectF& plot) {
    if (plot == m_mapping.plot)
        return;
    prepareGeometryChange();
    m_mapping.plot = plot;
    update();
}

void PlotLayer::setRoleVisible(SeriesRole role, bool visible) {
    m_hidden[static_cast<int>(role)] = !visible;
    update();
}

qsizetype PlotLayer::pointCount() const {
    qsizetype points = 0;
    for (const ChartSeries& s : m_series)
        points += static_cast<qsizetype>(s.bars.size() + s.points.size());
    return points;
}

void PlotLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (m_mapping.plot.width() < 1 || m_mapping.plot.height() < 1)
        return;
    painter->save();
    painter->setClipRect(m_mapping.plot);
    painter->setRenderHint(QPainter::Antialiasing);
    for (const ChartSeries& s : m_series) {
        if (m_hidden[static_cast<int>(s.role)])
            continue;
        const SeriesStyle style = styleOf(s.role);
        if (shapeOf(s.role) == SeriesShape::Bars) {
            const std::vector<QRectF> rects = barRects(s.bars, m_mapping, style.lineWidth);
            painter->setPen(Qt::NoPen);
            painter->setBrush(style.color);
            painter->drawRects(rects.data(), static_cast<int>(rects.size()));
        } else {
            painter->setPen(QPen(style.color, style.lineWidth));
            painter->setBrush(Qt::NoBrush);
            painter->drawPolyline(stepPolyline(s.points, m_mapping));
        }
    }
    painter->restore();
}

} // namespace tcpladder::ui
