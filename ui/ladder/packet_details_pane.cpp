#include "ladder/packet_details_pane.h"

#include "ladder/packet_details_messages.h"
#include "ladder/packet_details_text.h"
#include "view_state/connection_view_state.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

namespace tcpladder::ui {

PacketDetailsPane::PacketDetailsPane(ConnectionViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_title(new QLabel(this)), m_tree(new QTreeWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tree);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    connect(state, &ConnectionViewState::selectedPacketChanged, this, &PacketDetailsPane::refresh);
    connect(state, &ConnectionViewState::connectionChanged, this, &PacketDetailsPane::refresh);
    connect(state, &ConnectionViewState::captureChanged, this, &PacketDetailsPane::refresh);
    connect(state, &ConnectionViewState::messagesChanged, this, &PacketDetailsPane::refresh);
    refresh();
}

void PacketDetailsPane::refresh() {
    m_tree->clear();
    const auto capture = m_state->capture();
    const int connection = m_state->connection();
    const qint64 index = m_state->selectedPacket();
    if (!capture || connection < 0 || index < 0) {
        m_title->setText(tr("No packet selected"));
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
    m_title->setText(tr("Frame %1").arg(capture->packets.at(conn, packet).frame()));
    for (const DetailsSection& section : sections) {
        auto* parent = new QTreeWidgetItem(m_tree, {section.title});
        QFont bold = parent->font(0);
        bold.setBold(true);
        parent->setFont(0, bold);
        for (const auto& [field, value] : section.fields)
            new QTreeWidgetItem(parent, {field, value});
    }
    m_tree->expandAll();
}

QString PacketDetailsPane::text() const {
    QStringList lines;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* section = m_tree->topLevelItem(i);
        for (int j = 0; j < section->childCount(); ++j)
            lines << QStringLiteral("%1 / %2: %3")
                         .arg(section->text(0), section->child(j)->text(0),
                              section->child(j)->text(1));
    }
    return lines.join(QChar('\n'));
}

} // namespace tcpladder::ui
