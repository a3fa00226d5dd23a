#include "ladder/packet_details_pane.h"

#include "ladder/packet_details_messages.h"
#include "ladder/packet_details_text.h"
#include "loading/packet_details_job.h"
#include "view_state/connection_view_state.h"
#include "widgets/details_tree.h"

#include <QVBoxLayout>
#include <algorithm>
#include <iterator>

namespace tcpladder::ui {

PacketDetailsPane::PacketDetailsPane(ConnectionViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_tree(new DetailsTree(this)),
      m_job(new PacketDetailsJob(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(state, &ConnectionViewState::selectedPacketChanged, this, &PacketDetailsPane::select);
    connect(state, &ConnectionViewState::connectionChanged, this, &PacketDetailsPane::select);
    connect(state, &ConnectionViewState::captureChanged, this, &PacketDetailsPane::select);
    // The messages come from their own worker: the header read so far stays.
    connect(state, &ConnectionViewState::messagesChanged, this, &PacketDetailsPane::showPacket);
    connect(
        m_job, &PacketDetailsJob::detailsRead, this,
        [this](quint64 generation, const std::shared_ptr<const PacketDetailsJob::Details>& read) {
            // An answer for a packet selected before, or in a capture since
            // closed, is not this one's.
            if (generation != m_generation || m_packet < 0 || !read || read->empty())
                return;
            m_read = read->front();
            showPacket();
            emit detailsShown();
        });
    select();
}

void PacketDetailsPane::select() {
    const auto capture = m_state->capture();
    const int connection = m_state->connection();
    const qint64 packet = m_state->selectedPacket();
    const bool valid = capture && connection >= 0 && packet >= 0 &&
                       static_cast<std::size_t>(connection) < capture->connections.size() &&
                       static_cast<std::size_t>(packet) <
                           capture->packets.packetCount(static_cast<std::uint32_t>(connection));
    if (!valid) {
        m_capture.reset();
        m_packet = -1;
        m_read.reset();
        m_job->cancel();
        showPacket();
        return;
    }
    // The same packet again (a signal the selection did not move with) keeps its read.
    if (capture == m_capture && connection == m_connection && packet == m_packet) {
        showPacket();
        return;
    }
    m_capture = capture;
    m_connection = connection;
    m_packet = packet;
    m_read.reset();
    showPacket();
    m_generation = m_job->request(
        {{capture, static_cast<std::uint32_t>(connection), static_cast<std::size_t>(packet)}});
}

void PacketDetailsPane::showPacket() {
    if (!m_capture || m_packet < 0) {
        m_tree->clearSections(tr("No packet selected"));
        return;
    }
    const auto conn = static_cast<std::uint32_t>(m_connection);
    const auto packet = static_cast<std::size_t>(m_packet);
    const Result<PacketDetails> pending = Error{tr("reading from the file…").toStdString()};
    auto sections = describePacket(*m_capture, conn, packet, m_read ? *m_read : pending);
    if (const auto messages = m_state->messages()) {
        const bool fromClient =
            m_capture->packets.at(conn, packet).side() == m_capture->connections[conn].clientSide();
        std::ranges::move(describeMessages(*messages, packet, fromClient),
                          std::back_inserter(sections));
    }
    m_tree->setSections(tr("Frame %1").arg(m_capture->packets.at(conn, packet).frame()), sections);
}

QString PacketDetailsPane::title() const {
    return m_tree->title();
}

QString PacketDetailsPane::text() const {
    return m_tree->text();
}

} // namespace tcpladder::ui
