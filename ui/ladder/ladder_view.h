#pragma once

#include "ladder/ladder_layout.h"
#include "ladder/ladder_text_export.h"

#include <QAbstractScrollArea>
#include <memory>
#include <optional>
#include <utility>

class QAction;

namespace tcpladder::ui {

class ConnectionViewState;

// The arrow ladder of the selected connection. Observes the shared view
// state (connection, selected packet, visible range) and writes back to it;
// lays out and paints only what is visible, using LadderLayout for all
// geometry and hit-testing and LadderPainter for the drawing.
class LadderView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit LadderView(ConnectionViewState* state, QWidget* parent = nullptr);
    ~LadderView() override;

    // Null while no connection is selected.
    const LadderLayout* ladderLayout() const { return m_layout.get(); }
    // Content y range shown below the header.
    std::pair<double, double> visibleSlice() const;

    void setTimeAxis(TimeAxis axis);
    void setSlanted(bool slanted);
    void zoomBy(double factor);
    void fitConnection();
    void copyVisibleToClipboard() const;
    // The packets on screen as a text ladder, Mermaid or PlantUML, with the
    // screen's bundles. Defined in ladder_view_actions.cpp.
    void copyVisibleAsText(LadderTextFormat format) const;
    // Moves the selection to the next (or previous) packet that matches.
    void selectNextRetransmission(bool backwards = false);
    void selectNextReset(bool backwards = false);
    void selectNextStall(bool backwards = false);

signals:
    // The layout was rebuilt (connection, zoom, axis or slant changed).
    void ladderChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void onConnectionChanged(int connection);
    void onSelectedPacketChanged(qint64 index);
    // The messages arrived after the ladder was first painted: their labels,
    // brackets and notes join it where the reader is.
    void onMessagesChanged();
    void onVisibleRangeChanged(TimeNs begin, TimeNs end, QObject* source);
    // Rebuilds the layout with m_options, keeping the time at viewport row
    // `anchorY` where it was.
    void relayout(double anchorY);
    void updateScrollBar();
    void publishVisibleRange();
    void ensureVisible(std::size_t index);
    void selectWhere(bool backwards, bool (*matches)(const PacketRecord&));
    double bodyHeight() const;
    double contentYAt(double viewportY) const;
    std::optional<std::size_t> packetAtViewport(QPointF position) const;
    QString tooltipAt(QPointF position) const;
    void addActions();

    ConnectionViewState* m_state;
    std::shared_ptr<const LadderData> m_data;
    std::unique_ptr<LadderLayout> m_layout;
    LadderOptions m_options;
    std::optional<std::size_t> m_hovered;
    bool m_publishing = false;
    // Until the reader zooms, the default zoom follows the view's height: the
    // window often gets its final size only after a connection is selected.
    bool m_defaultZoom = false;
};

} // namespace tcpladder::ui
