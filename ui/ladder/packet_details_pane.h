#pragma once

#include "common/result.h"
#include "load/loaded_capture.h"
#include "load/packet_details.h"

#include <QWidget>
#include <memory>
#include <optional>

namespace tcpladder::ui {

class ConnectionViewState;
class DetailsTree;
class PacketDetailsJob;

// Every field of the selected packet: what the index holds (time, numbers,
// flags, analysis marks) at once, then its TCP header and options (SACK
// blocks, timestamps) re-read from the capture file on a worker thread, then
// the application messages it carries once their worker has read them.
// Observes the shared view state.
class PacketDetailsPane : public QWidget {
    Q_OBJECT

public:
    explicit PacketDetailsPane(ConnectionViewState* state, QWidget* parent = nullptr);

    QString title() const;
    // The shown fields as "Section / Field: value" lines, for tests and copying.
    QString text() const;
    PacketDetailsJob* job() const { return m_job; }

signals:
    // The header re-read for the selected packet (or why it could not be) is shown.
    void detailsShown();

private:
    void select();
    void showPacket();

    ConnectionViewState* m_state;
    DetailsTree* m_tree;
    PacketDetailsJob* m_job;
    // The packet shown, and its header once the worker has read it.
    std::shared_ptr<const LoadedCapture> m_capture;
    int m_connection = -1;
    qint64 m_packet = -1;
    std::optional<Result<PacketDetails>> m_read;
    quint64 m_generation = 0; // of the read for the packet shown
};

} // namespace tcpladder::ui
