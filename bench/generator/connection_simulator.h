#pragma once

#include "packet_spec.h"
#include "random.h"

#include <cstdint>
#include <queue>
#include <utility>
#include <vector>

namespace tcpladder::bench {

// Runs one TCP connection as seen by a tap next to the client: the server is one RTT away
// behind a bottleneck link, and losses and reordering happen upstream of the tap. Client and
// server react to each other through a small event queue, so every ACK, SACK block, window and
// retransmission follows from what the other side actually sent.
Connection simulateConnection(const ConnectionPlan& plan);

class ConnectionSimulator {
public:
    explicit ConnectionSimulator(const ConnectionPlan& plan);
    Connection run();

private:
    enum class EventKind : std::uint8_t {
        SegmentArrives, // value: index into m_inFlight
        ServerReceives, // value: index into m_connection.packets
        ServerStartsResponse,
        ServerLossTimer,    // value: stream offset of the dropped segment
        ServerPersistTimer, // value: generation
        ClientDelayedAck,   // value: generation
        ClientResumesReading,
        ClientCloses,
    };

    struct Event {
        std::int64_t timeNs;
        std::uint64_t order;
        EventKind kind;
        std::uint32_t value;

        bool operator>(const Event& other) const {
            return timeNs != other.timeNs ? timeNs > other.timeNs : order > other.order;
        }
    };

    struct LostSegment {
        std::uint32_t offset;
        std::uint32_t length;
        bool retransmitted;
    };

    void schedule(std::int64_t timeNs, EventKind kind, std::uint32_t value = 0);
    void dispatch(const Event& event);
    void prepareContent();
    std::uint32_t clientTs(std::int64_t timeNs) const;
    std::uint32_t serverTs(std::int64_t timeNs) const;

    // Client side (connection_client.cpp).
    void clientSend(std::int64_t timeNs, PacketSpec packet);
    void clientSendAck(std::int64_t timeNs);
    void clientOnSegment(std::int64_t timeNs, const PacketSpec& segment);
    void clientOnSynAck(std::int64_t timeNs, const PacketSpec& segment);
    void clientOnSequenceSpace(std::int64_t timeNs, std::uint32_t offset, std::uint32_t length);
    void clientAfterAdvance(std::int64_t timeNs, bool filledHole);
    void clientAbort(std::int64_t timeNs);
    void clientReplyReset(std::int64_t timeNs, const PacketSpec& segment);
    void clientClose(std::int64_t timeNs);
    void clientResumeReading(std::int64_t timeNs);
    void clientDelayedAck(std::int64_t timeNs, std::uint32_t generation);
    void addOutOfOrder(std::uint32_t offset, std::uint32_t end);
    void fillSackBlocks(PacketSpec& packet) const;
    std::uint32_t clientNormalWindow(std::uint32_t rcvNxt) const;
    std::uint32_t clientWindowBytes() const;
    std::int64_t clientDelay();

    // Server side (connection_server.cpp).
    void serverOnPacket(std::int64_t timeNs, std::uint32_t packetIndex);
    void serverOnAck(std::int64_t timeNs, const PacketSpec& packet);
    void serverStartResponse(std::int64_t timeNs);
    void serverTrySend(std::int64_t timeNs);
    void serverSendData(std::int64_t timeNs, std::uint32_t offset, std::uint32_t length,
                        bool retransmission, bool mayReorder);
    void serverSendControl(std::int64_t timeNs, std::uint32_t seqOffset, std::uint8_t flags);
    std::int64_t serverTransmit(std::int64_t timeNs, PacketSpec packet, bool reorder,
                                bool delivered);
    void serverRetransmitSacked(std::int64_t timeNs);
    void serverLossTimer(std::int64_t timeNs, std::uint32_t offset);
    void serverPersistTimer(std::int64_t timeNs, std::uint32_t generation);
    std::uint32_t serverAckField() const;

    ConnectionPlan m_plan;
    Random m_random;
    Connection m_connection;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_events;
    std::vector<PacketSpec> m_inFlight;
    std::uint64_t m_eventOrder = 0;

    // Path and timing, drawn once per connection.
    std::int64_t m_rttNs = 0;
    double m_bytesPerNs = 0.0;
    std::uint32_t m_mss = 0;
    std::uint32_t m_total = 0; // response bytes: header plus body
    std::uint32_t m_clientIsn = 0;
    std::uint32_t m_serverIsn = 0;
    std::uint32_t m_clientTsBase = 0;
    std::uint32_t m_serverTsBase = 0;

    // Client: offsets are relative to the server's ISN + 1.
    std::uint32_t m_clientSndNxt = 0;
    std::uint32_t m_rcvNxt = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_outOfOrder; // sorted [begin, end)
    std::uint32_t m_lastOutOfOrderBegin = 0;
    std::uint32_t m_unackedSegments = 0;
    std::uint32_t m_delayedAckGeneration = 0;
    std::uint32_t m_lastServerTsVal = 0;
    std::uint16_t m_clientIpId = 0;
    std::int64_t m_clientLastSendNs = 0;
    std::uint32_t m_stallOffset = 0;
    std::uint32_t m_stallRightEdge = 0;
    std::int64_t m_stallNs = 0;
    std::uint32_t m_abortOffset = 0;
    bool m_stalled = false;
    bool m_stallStarted = false;
    bool m_resumeScheduled = false;
    bool m_aborted = false;
    bool m_finReceived = false;

    // Server: offsets are relative to the server's ISN + 1; the FIN sits at m_total.
    std::uint32_t m_sndUna = 0;
    std::uint32_t m_sndNxt = 0;
    std::uint32_t m_cwnd = 0;
    std::uint32_t m_ssthresh = 0;
    std::uint32_t m_dupAcks = 0;
    std::uint32_t m_extraSegments = 0;
    std::uint32_t m_recoverPoint = 0;
    std::uint32_t m_peerRightEdge = 0;
    std::uint32_t m_peerWindow = 0;
    std::uint32_t m_highestSack = 0;
    std::uint32_t m_serverRcvNxt = 0; // client bytes received, relative to the client's ISN + 1
    std::uint32_t m_lastClientTsVal = 0;
    std::uint16_t m_serverIpId = 0;
    std::int64_t m_linkFreeNs = 0;
    std::int64_t m_persistIntervalNs = 0;
    std::uint32_t m_persistGeneration = 0;
    std::vector<LostSegment> m_lost;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_burst;
    bool m_inRecovery = false;
    bool m_responseRequested = false;
    bool m_responseStarted = false;
    bool m_finSent = false;
    bool m_persistArmed = false;
    bool m_serverClosed = false;
};

} // namespace tcpladder::bench
