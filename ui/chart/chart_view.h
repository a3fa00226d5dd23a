#pragma once

#include "chart/chart_content.h"
#include "chart/time_window.h"
#include "tcp/connection.h"

#include <QWidget>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTabBar;
class QTimer;
class QToolButton;

namespace tcpladder::ui {

class ChartCanvas;
class ChartInteraction;
class ConnectionChartData;
class ConnectionViewState;
class SackReadJob;

// The connection's charts (sequence, throughput, RTT, window) in tabs over
// one canvas, with a direction toggle. Observes the shared view state: the
// connection, the selected packet (highlighted, and scrolled to) and, while
// zoom is linked, the visible time range. Changes it only through it: a click
// selects a packet, a zoom or pan publishes the range.
class ChartView : public QWidget {
    Q_OBJECT

public:
    explicit ChartView(ConnectionViewState* state, QWidget* parent = nullptr);
    ~ChartView() override;

    ChartKind chartKind() const { return m_kind; }
    void setChartKind(ChartKind kind);
    Side sender() const { return m_sender; }
    void setSender(Side sender);
    TimeNs visibleBegin() const { return m_window.begin(); }
    TimeNs visibleEnd() const { return m_window.end(); }
    // The moving window of the throughput chart; 0 chooses one from the duration.
    void setThroughputWindow(TimeNs window);

    ChartCanvas* canvas() const { return m_canvas; }
    // Builds and shows the chart now instead of on the next event loop turn.
    void refreshNow();
    // A packet under a viewport position of the canvas, as a click would select.
    std::optional<std::size_t> packetAt(QPointF viewportPosition);
    // Reads the SACK blocks a drawn range needs, off the GUI thread.
    SackReadJob* sackJob() const { return m_sackJob; }

private:
    void onConnectionChanged(int connection);
    void onVisibleRangeChanged(TimeNs begin, TimeNs end, QObject* source);
    void onSelectedPacketChanged(qint64 index);
    void onClicked(QPointF position);
    void onHovered(std::optional<QPointF> position);
    void onPanned(QPointF pixels);
    void onZoomedToBox(QRectF box);
    void onWheelZoomed(QPointF position, double factor);
    void resetZoom();
    void applyRange(TimeNs begin, TimeNs end, bool publish);
    void scheduleRefresh();
    void updateHighlight();
    void updateControls();
    void requestSackBlocks();
    TimeNs throughputWindow() const;

    ConnectionViewState* m_state;
    ChartCanvas* m_canvas;
    ChartInteraction* m_interaction;
    QTabBar* m_tabs;
    QToolButton* m_direction;
    QComboBox* m_throughputWindow;
    QCheckBox* m_linkZoom;
    QLabel* m_readout;
    QLabel* m_note;
    QTimer* m_refresh;
    SackReadJob* m_sackJob;
    std::vector<std::size_t> m_sackAsked; // by the read under way
    std::unique_ptr<ConnectionChartData> m_data;
    TimeWindow m_window;
    std::optional<std::pair<double, double>> m_pinnedValues;
    ChartKind m_kind = ChartKind::Sequence;
    Side m_sender = kSideA;
    TimeNs m_fixedThroughputWindow = 0;
    int m_drawnColumns = 0;
};

} // namespace tcpladder::ui
