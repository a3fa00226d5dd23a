#include "view_state/connection_view_state.h"

namespace tcpladder::ui {

ConnectionViewState::ConnectionViewState(QObject* parent) : QObject(parent) {}

void ConnectionViewState::setCapture(std::shared_ptr<const LoadedCapture> capture) {
    m_capture = std::move(capture);
    m_connection = -1;
    m_messages.reset();
    m_selectedPacket = -1;
    m_visibleBegin = m_visibleEnd = 0;
    emit captureChanged();
    emit connectionChanged(-1);
    emit selectedPacketChanged(-1);
}

void ConnectionViewState::setConnection(int connection) {
    if (!m_capture || connection < -1 ||
        connection >= static_cast<int>(m_capture->connections.size()))
        connection = -1;
    if (connection == m_connection)
        return;
    m_connection = connection;
    m_messages.reset();
    m_selectedPacket = -1;
    m_visibleBegin = m_visibleEnd = 0;
    emit connectionChanged(connection);
    emit selectedPacketChanged(-1);
}

void ConnectionViewState::setSelectedPacket(qint64 index) {
    const qint64 count = m_connection < 0 ? 0
                                          : static_cast<qint64>(m_capture->packets.packetCount(
                                                static_cast<std::uint32_t>(m_connection)));
    if (index < -1 || index >= count)
        index = -1;
    if (index == m_selectedPacket)
        return;
    m_selectedPacket = index;
    emit selectedPacketChanged(index);
}

void ConnectionViewState::setVisibleRange(TimeNs begin, TimeNs end, QObject* source) {
    if (begin == m_visibleBegin && end == m_visibleEnd)
        return;
    m_visibleBegin = begin;
    m_visibleEnd = end;
    emit visibleRangeChanged(begin, end, source);
}

void ConnectionViewState::setMessages(std::shared_ptr<const LadderMessages> messages) {
    if (!messages || messages->capture != m_capture.get() ||
        static_cast<int>(messages->connection) != m_connection)
        return;
    m_messages = std::move(messages);
    emit messagesChanged();
}

void ConnectionViewState::setZoomLinked(bool linked) {
    if (linked == m_zoomLinked)
        return;
    m_zoomLinked = linked;
    emit zoomLinkedChanged(linked);
}

} // namespace tcpladder::ui
