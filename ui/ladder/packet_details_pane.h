#pragma once

#include <QWidget>

namespace tcpladder::ui {

class ConnectionViewState;
class DetailsTree;

// Every decoded field of the selected packet, its TCP options (SACK blocks,
// timestamps) and analysis marks, then the application messages it carries
// once the worker has read them. Observes the shared view state; the header
// is re-read from the capture file for the one selected packet.
class PacketDetailsPane : public QWidget {
    Q_OBJECT

public:
    explicit PacketDetailsPane(ConnectionViewState* state, QWidget* parent = nullptr);

    // The shown fields as "Section / Field: value" lines, for tests and copying.
    QString text() const;

private:
    void refresh();

    ConnectionViewState* m_state;
    DetailsTree* m_tree;
};

} // namespace tcpladder::ui
