#pragma once

#include "chart/axis_scale.h"
#include "chart/chart_content.h"

#include <QWidget>
#include <memory>
#include <optional>

class QPainter;

namespace tcpladder::ui {

// The one wrapper around Qt Charts (deprecated from Qt 6.10 on): nothing
// else includes it, so replacing it means replacing this class. It draws a
// ChartContent (already reduced to a few points per pixel; bars and lines
// through a PlotLayer on the chart's scene, marks as Qt Charts series), owns the axes,
// the legend with its series toggles, the selected-packet highlight and the
// crosshair, and maps between viewport pixels and data units. It neither
// computes series nor interprets the mouse.
class ChartCanvas : public QWidget {
    Q_OBJECT

public:
    explicit ChartCanvas(QWidget* parent = nullptr);
    ~ChartCanvas() override;

    void setContent(const ChartContent& content);
    void setTitle(const QString& title);
    // A ring at `point` (when `ring`) and a vertical line at its time.
    void setHighlight(std::optional<ChartPoint> point, bool ring);
    void setCrosshair(std::optional<QPointF> viewportPosition);

    ChartKind kind() const;
    TimeNs begin() const;
    TimeNs end() const;
    double valueMin() const;
    double valueMax() const;
    ValueKind valueKind() const;
    AxisScale timeScale() const;
    AxisScale valueScale() const;

    // The plot area in viewport coordinates, and data units at a viewport point.
    QRectF plotArea() const;
    ChartPoint valueAt(QPointF viewportPosition) const;
    QWidget* viewport() const;
    // Bars, line corners and marks drawn by the last setContent (for the benchmark).
    qsizetype pointCount() const;

    bool isRoleVisible(SeriesRole role) const;
    void setRoleVisible(SeriesRole role, bool visible);

    // Lays the chart out at the widget's size now, shown or not (export).
    void layoutNow();
    // Draws the chart without the crosshair.
    void render(QPainter* painter, const QRectF& target);

signals:
    void plotAreaChanged();
    void roleVisibilityChanged(SeriesRole role, bool visible);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeLegend();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tcpladder::ui
