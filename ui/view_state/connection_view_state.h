#pragma once

#include "common/time_ns.h"
#include "ladder/ladder_messages.h"
#include "load/loaded_capture.h"

#include <QObject>
#include <memory>

namespace tcpladder::ui {

// The one shared state every connection view observes (table, ladder, chart,
// details pane), so views never call each other: the current capture and
// connection, its application messages once read, the selected packet, and
// the visible time range. Times are
// nanoseconds since the connection's first packet.
class ConnectionViewState : public QObject {
    Q_OBJECT

public:
    explicit ConnectionViewState(QObject* parent = nullptr);

    std::shared_ptr<const LoadedCapture> capture() const { return m_capture; }
    // -1 when no connection is selected.
    int connection() const { return m_connection; }
    // Index of the packet within the connection; -1 when none.
    qint64 selectedPacket() const { return m_selectedPacket; }
    TimeNs visibleBegin() const { return m_visibleBegin; }
    TimeNs visibleEnd() const { return m_visibleEnd; }
    // When linked, a zoom in one view shows the same time range in the others.
    bool zoomLinked() const { return m_zoomLinked; }
    // The selected connection's messages; null until a worker has read them.
    std::shared_ptr<const LadderMessages> messages() const { return m_messages; }

public slots:
    // Resets connection and selection.
    void setCapture(std::shared_ptr<const LoadedCapture> capture);
    void setConnection(int connection);
    void setSelectedPacket(qint64 index);
    // `source` is the view that changed it, so it can ignore its own echo.
    void setVisibleRange(TimeNs begin, TimeNs end, QObject* source);
    void setZoomLinked(bool linked);
    // Ignored unless they belong to the current capture and connection.
    void setMessages(std::shared_ptr<const LadderMessages> messages);

signals:
    void captureChanged();
    void connectionChanged(int connection);
    void selectedPacketChanged(qint64 index);
    void visibleRangeChanged(TimeNs begin, TimeNs end, QObject* source);
    void zoomLinkedChanged(bool linked);
    void messagesChanged();

private:
    std::shared_ptr<const LoadedCapture> m_capture;
    int m_connection = -1;
    qint64 m_selectedPacket = -1;
    std::shared_ptr<const LadderMessages> m_messages;
    TimeNs m_visibleBegin = 0;
    TimeNs m_visibleEnd = 0;
    bool m_zoomLinked = false; // the chart starts with the whole connection
};

} // namespace tcpladder::ui
