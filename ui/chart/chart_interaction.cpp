#include "chart/chart_interaction.h"

#include "chart/chart_canvas.h"

#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>
#include <cmath>

namespace tcpladder::ui {
namespace {

// A press that moves less than this is a click, not a drag.
constexpr int kClickSlop = 4;

} // namespace

ChartInteraction::ChartInteraction(ChartCanvas* canvas)
    : QObject(canvas), m_canvas(canvas),
      m_band(new QRubberBand(QRubberBand::Rectangle, canvas->viewport())) {
    canvas->viewport()->installEventFilter(this);
    canvas->viewport()->setMouseTracking(true);
}

bool ChartInteraction::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_canvas->viewport())
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (!m_canvas->plotArea().contains(e->position()))
            return false;
        m_boxButton = e->button() == Qt::RightButton ||
                      (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier));
        if (e->button() != Qt::LeftButton && !m_boxButton)
            return false;
        m_drag = Drag::Pending;
        m_pressed = m_last = e->position().toPoint();
        return true;
    }
    case QEvent::MouseMove: {
        auto* e = static_cast<QMouseEvent*>(event);
        const QPoint pos = e->position().toPoint();
        emit hovered(e->position());
        if (m_drag == Drag::Pending && (pos - m_pressed).manhattanLength() >= kClickSlop)
            m_drag = m_boxButton ? Drag::Box : Drag::Pan;
        if (m_drag == Drag::Pan) {
            emit panned(QPointF(pos - m_last));
            m_last = pos;
        } else if (m_drag == Drag::Box) {
            m_band->setGeometry(QRect(m_pressed, pos).normalized());
            m_band->show();
        }
        return m_drag != Drag::None;
    }
    case QEvent::MouseButtonRelease: {
        if (m_drag == Drag::None)
            return false;
        auto* e = static_cast<QMouseEvent*>(event);
        const Drag drag = m_drag;
        m_drag = Drag::None;
        m_band->hide();
        if (drag == Drag::Pending && !m_boxButton)
            emit clicked(e->position());
        else if (drag == Drag::Box) {
            const QRectF box = QRectF(m_pressed, e->position()).normalized();
            if (box.width() >= kClickSlop && box.height() >= kClickSlop)
                emit zoomedToBox(box);
        }
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (!m_canvas->plotArea().contains(e->position()))
            return false;
        emit resetRequested();
        return true;
    }
    case QEvent::Wheel: {
        auto* e = static_cast<QWheelEvent*>(event);
        const int steps = e->angleDelta().y();
        if (steps == 0 || !m_canvas->plotArea().contains(e->position()))
            return false;
        emit wheelZoomed(e->position(), std::pow(0.8, steps / 120.0));
        return true;
    }
    case QEvent::Leave:
        emit hovered(std::nullopt);
        return false;
    case QEvent::ContextMenu:
        return true; // the right button draws a zoom box instead
    default:
        return false;
    }
}

} // namespace tcpladder::ui
