#pragma once

#include <QObject>
#include <QPoint>
#include <QPointF>
#include <QRect>
#include <optional>

class QRubberBand;
class QWidget;

namespace tcpladder::ui {

class ChartCanvas;

// Reads the mouse on the chart's plot area and says what the user meant, in
// viewport pixels: drag pans, Shift+drag or right-drag zooms to a box, the
// wheel zooms around the cursor, a click selects, a double-click resets.
// Presses outside the plot area (the legend) go on to Qt Charts.
class ChartInteraction : public QObject {
    Q_OBJECT

public:
    explicit ChartInteraction(ChartCanvas* canvas);

signals:
    void hovered(std::optional<QPointF> position);
    void clicked(QPointF position);
    void panned(QPointF pixels); // how far the content moved with the mouse
    void zoomedToBox(QRectF box);
    void wheelZoomed(QPointF position, double factor); // < 1 zooms in
    void resetRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Drag { None, Pending, Pan, Box };

    ChartCanvas* m_canvas;
    QRubberBand* m_band;
    Drag m_drag = Drag::None;
    bool m_boxButton = false;
    QPoint m_pressed;
    QPoint m_last;
};

} // namespace tcpladder::ui
