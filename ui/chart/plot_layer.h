#pragma once

#include "chart/bar_shapes.h"
#include "chart/chart_content.h"

#include <QGraphicsItem>
#include <array>

namespace tcpladder::ui {

// The dense part of a chart, bars and step lines, painted straight onto the
// chart's scene under the Qt Charts marks. Qt Charts would re-build every
// line's outline for hit-testing on each change (about a microsecond a
// point) though the chart does its own hit-testing; this keeps the data in
// data units and maps it at paint time.
class PlotLayer : public QGraphicsItem {
public:
    explicit PlotLayer(QGraphicsItem* parent = nullptr);

    // Keeps the content's bars and steps; marks are left to Qt Charts.
    void setContent(const ChartContent& content);
    // The plot rectangle in the parent's coordinates.
    void setPlotArea(const QRectF& plot);
    void setRoleVisible(SeriesRole role, bool visible);
    // Bars and line corners held, for the benchmark.
    qsizetype pointCount() const;

    QRectF boundingRect() const override { return m_mapping.plot; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    PlotMapping m_mapping;
    std::vector<ChartSeries> m_series; // drawing order
    std::array<bool, kSeriesRoleCount> m_hidden{};
};

} // namespace tcpladder::ui
