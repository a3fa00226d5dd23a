#include "connection_simulator.h"
#include "sim_constants.h"

#include <algorithm>

namespace tcpladder::bench {

std::uint32_t ConnectionSimulator::serverAckField() const {
    return m_clientIsn + 1 + m_serverRcvNxt;
}

std::int64_t ConnectionSimulator::serverTransmit(std::int64_t timeNs, PacketSpec packet,
                                                 bool reorder, bool delivered) {
    // Segments queue behind each other at the bottleneck, which is what spaces a burst out and
    // keeps the ACK clock realistic.
    const std::uint32_t wireBytes = sim::frameOverheadBytes + packet.payloadLen;
    const auto serializationNs = static_cast<std::int64_t>(wireBytes / m_bytesPerNs) + 1;
    const std::int64_t arrival = std::max(timeNs + m_rttNs / 2, m_linkFreeNs) + serializationNs;
    m_linkFreeNs = arrival;
    // Held back for one and a half serialization times, so it lands just after the next
    // segment of the same burst.
    packet.timeNs = arrival + (reorder ? serializationNs + serializationNs / 2 : 0);
    packet.fromClient = false;
    packet.ipId = m_serverIpId++;
    packet.tsVal = serverTs(timeNs);
    packet.tsEcr = m_lastClientTsVal;
    if (delivered) {
        const auto index = static_cast<std::uint32_t>(m_inFlight.size());
        m_inFlight.push_back(packet);
        schedule(packet.timeNs, EventKind::SegmentArrives, index);
    }
    return arrival;
}

void ConnectionSimulator::serverSendControl(std::int64_t timeNs, std::uint32_t seqOffset,
                                            std::uint8_t flags) {
    PacketSpec packet;
    packet.seq = m_serverIsn + 1 + seqOffset;
    packet.ack = serverAckField();
    packet.flags = flags;
    packet.window = sim::serverWindowRaw;
    serverTransmit(timeNs, packet, false, true);
}

void ConnectionSimulator::serverSendData(std::int64_t timeNs, std::uint32_t offset,
                                         std::uint32_t length, bool retransmission,
                                         bool mayReorder) {
    PacketSpec segment;
    segment.seq = m_serverIsn + 1 + offset;
    segment.ack = serverAckField();
    segment.flags = tcp_flags::ack | (offset + length == m_total ? tcp_flags::psh : 0);
    segment.window = sim::serverWindowRaw;
    segment.payloadLen = static_cast<std::uint16_t>(length);
    segment.payloadOffset = offset;
    bool delivered = true;
    bool reorder = false;
    auto& stats = m_connection.stats;
    if (retransmission) {
        ++stats.retransmitted;
    } else if (m_random.chance(m_plan.lossRate)) {
        // Dropped upstream of the tap: it never appears in the capture, only its hole does.
        delivered = false;
        ++stats.dropped;
        m_lost.push_back({offset, length, false});
        schedule(timeNs + sim::minRtoNs + m_rttNs, EventKind::ServerLossTimer, offset);
    } else if (mayReorder && m_random.chance(m_plan.reorderRate)) {
        reorder = true;
        ++stats.reordered;
    }
    serverTransmit(timeNs, segment, reorder, delivered);
}

void ConnectionSimulator::serverOnPacket(std::int64_t timeNs, std::uint32_t packetIndex) {
    const PacketSpec packet = m_connection.packets[packetIndex];
    if (m_serverClosed) {
        return;
    }
    if (packet.flags & tcp_flags::rst) {
        m_serverClosed = true;
        return;
    }
    m_lastClientTsVal = packet.tsVal;
    if (packet.flags & tcp_flags::syn) {
        PacketSpec synAck;
        synAck.seq = m_serverIsn;
        synAck.ack = m_clientIsn + 1;
        synAck.flags = tcp_flags::syn | tcp_flags::ack;
        synAck.window = sim::serverSynWindow;
        synAck.options = OptionLayout::Handshake;
        serverTransmit(timeNs, synAck, false, true);
        return;
    }
    const std::uint32_t offset = packet.seq - (m_clientIsn + 1);
    if (packet.payloadLen > 0) {
        m_serverRcvNxt = std::max(m_serverRcvNxt, offset + packet.payloadLen);
        if (!m_responseRequested) {
            m_responseRequested = true;
            const auto thinkNs = static_cast<std::int64_t>(m_random.logUniform(0.2e6, 15e6));
            schedule(timeNs + thinkNs, EventKind::ServerStartsResponse);
        }
    }
    serverOnAck(timeNs, packet);
    if (packet.flags & tcp_flags::fin) {
        m_serverRcvNxt = offset + packet.payloadLen + 1;
        serverSendControl(timeNs, m_sndNxt, tcp_flags::ack);
        m_serverClosed = true;
    }
}

void ConnectionSimulator::serverStartResponse(std::int64_t timeNs) {
    if (m_serverClosed) {
        return;
    }
    m_responseStarted = true;
    m_cwnd = sim::initialCwndSegments * m_mss;
    m_ssthresh = sim::maxCwnd;
    serverTrySend(timeNs);
}

void ConnectionSimulator::serverOnAck(std::int64_t timeNs, const PacketSpec& packet) {
    const std::uint32_t base = m_serverIsn + 1;
    const std::uint32_t ackOffset = packet.ack - base;
    if (!(packet.flags & tcp_flags::ack) || ackOffset > m_sndNxt) {
        return;
    }
    const std::uint32_t window = static_cast<std::uint32_t>(packet.window) << sim::windowShift;
    m_peerRightEdge = std::max(m_peerRightEdge, ackOffset + window);
    const bool windowChanged = window != m_peerWindow;
    m_peerWindow = window;
    for (std::uint8_t i = 0; i < packet.sackCount; ++i) {
        m_highestSack = std::max(m_highestSack, packet.sack[i].right - base);
    }

    if (ackOffset > m_sndUna) {
        const std::uint32_t acked = ackOffset - m_sndUna;
        m_sndUna = ackOffset;
        m_dupAcks = 0;
        std::erase_if(m_lost, [&](const LostSegment& lost) {
            return lost.offset + lost.length <= ackOffset;
        });
        if (m_inRecovery) {
            if (ackOffset >= m_recoverPoint) {
                m_inRecovery = false;
                m_cwnd = m_ssthresh;
            }
        } else if (m_responseStarted) {
            const std::uint32_t growth =
                m_cwnd < m_ssthresh ? acked : std::max<std::uint32_t>(1, m_mss * acked / m_cwnd);
            m_cwnd = std::min(m_cwnd + growth, sim::maxCwnd);
        }
    } else if (ackOffset == m_sndUna && packet.payloadLen == 0 &&
               !(packet.flags & (tcp_flags::fin | tcp_flags::syn | tcp_flags::rst)) &&
               m_sndNxt > m_sndUna && !windowChanged && window > 0) {
        ++m_dupAcks;
        if (!m_inRecovery && m_dupAcks < 3) {
            ++m_extraSegments; // limited transmit, RFC 3042
        } else if (!m_inRecovery && m_dupAcks == 3) {
            m_inRecovery = true;
            m_recoverPoint = m_sndNxt;
            m_ssthresh = std::max((m_sndNxt - m_sndUna) / 2, 2 * m_mss);
            m_cwnd = m_ssthresh;
            m_extraSegments = 0;
        } else if (m_inRecovery && m_dupAcks % 2 == 0) {
            // Roughly proportional rate reduction (RFC 6937): one new segment for every two
            // delivered keeps the duplicate ACKs flowing until the retransmission lands.
            ++m_extraSegments;
        }
    }
    if (m_inRecovery || m_dupAcks >= 3) {
        serverRetransmitSacked(timeNs);
    }

    if (window == 0) {
        if (!m_persistArmed && m_sndUna == m_sndNxt && m_sndNxt < m_total) {
            m_persistArmed = true;
            schedule(timeNs + m_persistIntervalNs, EventKind::ServerPersistTimer,
                     m_persistGeneration);
        }
    } else if (m_persistArmed) {
        m_persistArmed = false;
        ++m_persistGeneration;
        m_persistIntervalNs = std::max(sim::minRtoNs, 2 * m_rttNs);
    }
    serverTrySend(timeNs);
}

void ConnectionSimulator::serverTrySend(std::int64_t timeNs) {
    if (m_serverClosed || !m_responseStarted || m_finSent) {
        return;
    }
    m_burst.clear();
    std::uint32_t next = m_sndNxt;
    while (next < m_total) {
        const std::uint32_t length = std::min(m_mss, m_total - next);
        // Sender-side silly window avoidance: never a partial segment into a small window.
        if (next + length > m_peerRightEdge) {
            break;
        }
        if (next - m_sndUna + length > m_cwnd) {
            if (m_extraSegments == 0) {
                break;
            }
            --m_extraSegments;
        }
        m_burst.emplace_back(next, length);
        next += length;
    }
    for (std::size_t i = 0; i < m_burst.size(); ++i) {
        serverSendData(timeNs, m_burst[i].first, m_burst[i].second, false, i + 1 < m_burst.size());
    }
    m_sndNxt = next;
    if (m_sndNxt == m_total) {
        m_finSent = true;
        serverSendControl(timeNs, m_total, tcp_flags::fin | tcp_flags::ack);
        m_sndNxt = m_total + 1;
    }
}

void ConnectionSimulator::serverRetransmitSacked(std::int64_t timeNs) {
    for (auto& lost : m_lost) {
        if (!lost.retransmitted && lost.offset >= m_sndUna &&
            lost.offset + lost.length <= m_highestSack) {
            lost.retransmitted = true;
            serverSendData(timeNs + sim::serverReactionNs, lost.offset, lost.length, true, false);
        }
    }
}

void ConnectionSimulator::serverLossTimer(std::int64_t timeNs, std::uint32_t offset) {
    if (m_serverClosed) {
        return;
    }
    for (auto& lost : m_lost) {
        if (lost.offset == offset && !lost.retransmitted && offset >= m_sndUna) {
            lost.retransmitted = true;
            m_ssthresh = std::max((m_sndNxt - m_sndUna) / 2, 2 * m_mss);
            m_cwnd = m_ssthresh;
            serverSendData(timeNs, lost.offset, lost.length, true, false);
        }
    }
}

void ConnectionSimulator::serverPersistTimer(std::int64_t timeNs, std::uint32_t generation) {
    if (m_serverClosed || !m_persistArmed || generation != m_persistGeneration) {
        return;
    }
    if (m_peerWindow == 0 && m_sndUna == m_sndNxt) {
        // Linux probes a zero window with an already acknowledged sequence number and no data,
        // which forces the receiver to answer with its current window.
        serverSendControl(timeNs, m_sndUna - 1, tcp_flags::ack);
        ++m_connection.stats.windowProbes;
    }
    m_persistIntervalNs =
        std::min<std::int64_t>(2 * m_persistIntervalNs, 60'000 * sim::millisecond);
    schedule(timeNs + m_persistIntervalNs, EventKind::ServerPersistTimer, generation);
}

} // namespace tcpladder::bench
