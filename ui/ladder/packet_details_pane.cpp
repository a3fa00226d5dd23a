#include "ladder/packet_details_pane.h"

#include "ladder/packet_details_messages.h"
#include "ladder/packet_details_text.h"
#include "view_state/connection_view_state.h"
#include "widgets/details_tree.h"

#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

namespace tcpladder::ui {

PacketDetailsPane::PacketDetailsPane(ConnectionViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_tree(new DetailsTree(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(state, &ConnectionViewState::selectedPacketChanged, this, &PacketDetailsPane::refresh);
    connect(state, &ConnectionViewState::connectionChanged, this, &PacketDetailsPane::refresh);
    connect(state, &ConnectionViewState::captureChanged, this, &PacketDetailsPane::refresh);
    connect(state, &ConnectionViewState::messagesChanged, this, &PacketDetailsPane::refresh);
    refresh();
}

void PacketDetailsPane::refresh() {
    const auto capture = m_state->capture();
    const int connection = m_state->connection();
    const qint64 index = m_state->selectedPacket();
    if (!capture || connection < 0 || index < 0) {
        m_tree->clearSections(tr("No packet selected"));
        return;
    }
    const auto conn = static_cast<std::uint32_t>(connection);
    const auto packet = static_cast<std::size_t>(index);
    auto sections =
        describePacket(*capture, conn, packet, readPacketDetails(*capture, conn, packet));
    if (const auto messages = m_state->messages()) {
        const bool fromClient =
            capture->packets.at(conn, packet).side() == capture->connections[conn].clientSide();
        std::ranges::move(describeMessages(*messages, packet, fromClient),
                          std::back_inserter(sections));
    }
    m_tree->setSections(tr("Frame %1").arg(capture->packets.at(conn, packet).frame()), sections);
}

QString PacketDetailsPane::text() const {
    return m_tree->text();
}

} // namespace tcpladder::ui
