#include "connection_simulator.h"
#include "sim_constants.h"

#include <algorithm>

namespace tcpladder::bench {

std::int64_t ConnectionSimulator::clientDelay() {
    return m_random.between(15, 60) * sim::microsecond;
}

std::uint32_t ConnectionSimulator::clientNormalWindow(std::uint32_t rcvNxt) const {
    // Linux grows the receive window as the application keeps up; the window only changes
    // when rcv_nxt does, so duplicate ACKs keep the same window as Wireshark requires.
    const std::uint64_t grown = (sim::clientInitialWindow + 2ULL * rcvNxt) & ~127ULL;
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(grown, sim::clientMaxWindow));
}

std::uint32_t ConnectionSimulator::clientWindowBytes() const {
    if (!m_stalled) {
        return clientNormalWindow(m_rcvNxt);
    }
    // A stalled application leaves the right edge where it was; the receiver advertises zero
    // rather than a window smaller than one segment (receiver-side silly window avoidance).
    const std::uint32_t free = m_stallRightEdge > m_rcvNxt ? m_stallRightEdge - m_rcvNxt : 0;
    return free < m_mss ? 0 : (free & ~127U);
}

void ConnectionSimulator::clientSend(std::int64_t timeNs, PacketSpec packet) {
    // One NIC sends in order: a later decision never leaves before an earlier one.
    timeNs = std::max(timeNs, m_clientLastSendNs + sim::microsecond);
    m_clientLastSendNs = timeNs;
    packet.timeNs = timeNs;
    packet.fromClient = true;
    packet.ipId = m_clientIpId++;
    if (packet.options != OptionLayout::None) {
        packet.tsVal = clientTs(timeNs);
        packet.tsEcr = (packet.flags & tcp_flags::ack) ? m_lastServerTsVal : 0;
    }
    const auto index = static_cast<std::uint32_t>(m_connection.packets.size());
    m_connection.packets.push_back(packet);
    schedule(timeNs + m_rttNs / 2, EventKind::ServerReceives, index);
}

void ConnectionSimulator::clientSendAck(std::int64_t timeNs) {
    PacketSpec ack;
    ack.seq = m_clientIsn + 1 + m_clientSndNxt;
    ack.ack = m_serverIsn + 1 + m_rcvNxt;
    ack.flags = tcp_flags::ack;
    const std::uint32_t windowBytes = clientWindowBytes();
    ack.window = static_cast<std::uint16_t>(windowBytes >> sim::windowShift);
    fillSackBlocks(ack);
    m_unackedSegments = 0;
    ++m_delayedAckGeneration;
    clientSend(timeNs + clientDelay(), ack);
    if (windowBytes == 0 && !m_resumeScheduled) {
        m_resumeScheduled = true;
        ++m_connection.stats.zeroWindowEpisodes;
        schedule(timeNs + m_stallNs, EventKind::ClientResumesReading);
    }
}

void ConnectionSimulator::clientOnSegment(std::int64_t timeNs, const PacketSpec& segment) {
    if (m_aborted) {
        if (!(segment.flags & tcp_flags::rst)) {
            clientReplyReset(timeNs, segment);
        }
        return;
    }
    if (segment.flags & tcp_flags::syn) {
        clientOnSynAck(timeNs, segment);
        return;
    }
    m_lastServerTsVal = segment.tsVal;
    const std::uint32_t offset = segment.seq - (m_serverIsn + 1);
    const std::uint32_t length = segment.payloadLen + ((segment.flags & tcp_flags::fin) ? 1 : 0);
    if (length == 0) {
        // A window probe re-sends an acknowledged sequence number and must be answered; the
        // server's ACK of our FIN needs no answer.
        if (offset < m_rcvNxt && !m_finReceived) {
            clientSendAck(timeNs);
        }
        return;
    }
    clientOnSequenceSpace(timeNs, offset, length);
}

void ConnectionSimulator::clientOnSynAck(std::int64_t timeNs, const PacketSpec& segment) {
    m_lastServerTsVal = segment.tsVal;
    m_rcvNxt = 0;
    clientSendAck(timeNs);

    PacketSpec request;
    request.seq = m_clientIsn + 1;
    request.ack = m_serverIsn + 1;
    request.flags = tcp_flags::psh | tcp_flags::ack;
    request.window = static_cast<std::uint16_t>(clientWindowBytes() >> sim::windowShift);
    request.payloadLen = static_cast<std::uint16_t>(m_connection.request.size());
    m_clientSndNxt = request.payloadLen;
    const auto thinkNs = static_cast<std::int64_t>(m_random.logUniform(50e3, 2e6));
    clientSend(timeNs + thinkNs, request);
}

void ConnectionSimulator::clientOnSequenceSpace(std::int64_t timeNs, std::uint32_t offset,
                                                std::uint32_t length) {
    const std::uint32_t end = offset + length;
    if (end <= m_rcvNxt) {
        clientSendAck(timeNs);
        return;
    }
    if (offset > m_rcvNxt) {
        // Out of order: an immediate duplicate ACK with SACK blocks, as RFC 5681 asks.
        addOutOfOrder(offset, end);
        clientSendAck(timeNs);
        return;
    }
    const bool filledHole = !m_outOfOrder.empty();
    m_rcvNxt = end;
    while (!m_outOfOrder.empty() && m_outOfOrder.front().first <= m_rcvNxt) {
        m_rcvNxt = std::max(m_rcvNxt, m_outOfOrder.front().second);
        m_outOfOrder.erase(m_outOfOrder.begin());
    }
    clientAfterAdvance(timeNs, filledHole);
}

void ConnectionSimulator::clientAfterAdvance(std::int64_t timeNs, bool filledHole) {
    if (m_rcvNxt > m_total && !m_finReceived) {
        m_finReceived = true;
        if (m_plan.quickClose) {
            schedule(timeNs + clientDelay(), EventKind::ClientCloses);
            return;
        }
        clientSendAck(timeNs);
        const auto closeNs = static_cast<std::int64_t>(m_random.logUniform(50e3, 5e6));
        schedule(timeNs + closeNs, EventKind::ClientCloses);
        return;
    }
    if (m_plan.clientReset && m_rcvNxt >= m_abortOffset) {
        clientAbort(timeNs);
        return;
    }
    if (m_plan.zeroWindow && !m_stallStarted && m_rcvNxt >= m_stallOffset) {
        m_stallStarted = true;
        m_stalled = true;
        m_stallRightEdge = m_rcvNxt + clientNormalWindow(m_rcvNxt);
    }
    const bool windowClosed = m_stalled && clientWindowBytes() == 0;
    ++m_unackedSegments;
    // Every second full segment is acknowledged at once (RFC 1122 delayed ACK); so is a
    // segment that fills a hole, which tells the sender its retransmission arrived.
    if (filledHole || windowClosed || m_unackedSegments >= 2) {
        clientSendAck(timeNs);
        return;
    }
    schedule(timeNs + sim::delayedAckNs, EventKind::ClientDelayedAck, m_delayedAckGeneration);
}

void ConnectionSimulator::clientAbort(std::int64_t timeNs) {
    PacketSpec reset;
    reset.seq = m_clientIsn + 1 + m_clientSndNxt;
    reset.ack = m_serverIsn + 1 + m_rcvNxt;
    reset.flags = tcp_flags::rst | tcp_flags::ack;
    m_aborted = true;
    m_connection.stats.reset = true;
    clientSend(timeNs + clientDelay(), reset);
}

void ConnectionSimulator::clientReplyReset(std::int64_t timeNs, const PacketSpec& segment) {
    // RFC 793: a segment for a connection that no longer exists gets a RST whose sequence
    // number is the segment's acknowledgment number.
    PacketSpec reset;
    reset.seq = segment.ack;
    reset.flags = tcp_flags::rst;
    reset.options = OptionLayout::None;
    clientSend(timeNs + clientDelay(), reset);
}

void ConnectionSimulator::clientClose(std::int64_t timeNs) {
    if (m_aborted) {
        return;
    }
    PacketSpec fin;
    fin.seq = m_clientIsn + 1 + m_clientSndNxt;
    fin.ack = m_serverIsn + 1 + m_rcvNxt;
    fin.flags = tcp_flags::fin | tcp_flags::ack;
    fin.window = static_cast<std::uint16_t>(clientWindowBytes() >> sim::windowShift);
    m_clientSndNxt += 1;
    m_unackedSegments = 0;
    ++m_delayedAckGeneration;
    clientSend(timeNs, fin);
}

void ConnectionSimulator::clientResumeReading(std::int64_t timeNs) {
    if (m_aborted) {
        return;
    }
    m_stalled = false;
    clientSendAck(timeNs); // the window update
}

void ConnectionSimulator::clientDelayedAck(std::int64_t timeNs, std::uint32_t generation) {
    if (generation == m_delayedAckGeneration && m_unackedSegments > 0 && !m_aborted) {
        clientSendAck(timeNs);
    }
}

void ConnectionSimulator::addOutOfOrder(std::uint32_t offset, std::uint32_t end) {
    m_outOfOrder.emplace_back(offset, end);
    std::sort(m_outOfOrder.begin(), m_outOfOrder.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
    for (const auto& range : m_outOfOrder) {
        if (!merged.empty() && range.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, range.second);
        } else {
            merged.push_back(range);
        }
    }
    m_outOfOrder = std::move(merged);
    for (const auto& range : m_outOfOrder) {
        if (range.first <= offset && offset < range.second) {
            m_lastOutOfOrderBegin = range.first;
        }
    }
}

void ConnectionSimulator::fillSackBlocks(PacketSpec& packet) const {
    // RFC 2018: the block holding the latest arrival goes first; with timestamps on, only
    // three blocks fit in the 40 bytes of options.
    const std::uint32_t base = m_serverIsn + 1;
    packet.sackCount = 0;
    for (const auto& range : m_outOfOrder) {
        if (range.first == m_lastOutOfOrderBegin) {
            packet.sack[packet.sackCount++] = {base + range.first, base + range.second};
        }
    }
    for (auto it = m_outOfOrder.rbegin(); it != m_outOfOrder.rend() && packet.sackCount < 3; ++it) {
        if (it->first != m_lastOutOfOrderBegin) {
            packet.sack[packet.sackCount++] = {base + it->first, base + it->second};
        }
    }
}

} // namespace tcpladder::bench
