#pragma once

#include "common/time_ns.h"
#include "load/loaded_capture.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tcpladder {

// How a connection went, with Zeek's conn_state codes and meanings.
enum class ConnState : std::uint8_t {
    S0,     // attempt seen, no reply
    S1,     // established, not terminated
    SF,     // established and closed by both sides
    REJ,    // attempt rejected (SYN answered by RST)
    S2,     // established, client closed, no reply
    S3,     // established, server closed, no reply
    RSTO,   // established, client reset
    RSTR,   // established, server reset
    RSTOS0, // client sent SYN then RST, no SYN+ACK seen
    RSTRH,  // server sent SYN+ACK then RST, no SYN seen
    SH,     // client sent SYN then FIN, no SYN+ACK seen
    SHR,    // server sent SYN+ACK then FIN, no SYN seen
    OTH,    // no SYN seen: midstream traffic
};

enum class ClosedBy : std::uint8_t { Nobody, ClientFin, ServerFin, ClientRst, ServerRst };

// How the client ended a connection early, if it did.
enum class ClientCut : std::uint8_t {
    No,
    Reset,           // the client sent a RST
    FinBeforeAnswer, // client FIN after its request, before any server payload
    FinMidAnswer,    // client FIN while the server was still sending
};

// Where in the connection (packet index) the moments the views mark happen.
struct Milestones {
    std::optional<std::size_t> syn, synAck, handshakeAck;
    std::optional<std::size_t> firstClientPayload, firstServerPayload;
    std::optional<std::size_t> firstFin, firstRst; // firstFin: a FIN without RST
};

struct ConnectionSummary {
    std::optional<TimeNs> synToSynAck;           // client SYN to server SYN+ACK
    std::optional<TimeNs> synAckToAck;           // server SYN+ACK to the client's ACK
    std::optional<TimeNs> timeToFirstServerByte; // client's first payload to server's first payload
    std::uint64_t retransmissions = 0;
    std::uint64_t dupAcks = 0;
    std::uint64_t zeroWindows = 0;
    ConnState state = ConnState::OTH;
    ClosedBy closedBy = ClosedBy::Nobody;
    // Payload in both directions up to and including the first FIN or RST,
    // and its time since the first packet.
    std::uint64_t bytesBeforeClose = 0;
    TimeNs closeAfter = 0;
    // A client RST, or a client FIN while the server still had something to
    // say: it sent payload after that FIN, or never answered the request.
    ClientCut clientCut = ClientCut::No;
    Milestones at;

    // Handshake RTT as seen at the capture point: both halves together.
    std::optional<TimeNs> handshakeRtt() const;
    bool clientCutShort() const { return clientCut != ClientCut::No; }
    // The server's part of the time to its first byte: that time less the
    // round trip from the capture point to the server (the SYN to SYN+ACK
    // gap, taken to be symmetric), never below zero. None without a whole
    // handshake.
    std::optional<TimeNs> serverThinkTime() const;
};

ConnectionSummary summarizeConnection(const LoadedCapture& capture, std::uint32_t connection);

// The same summary fed one packet at a time, in capture order, for a caller
// that walks the connection's packets anyway (the ladder does, on selection)
// and should not walk millions of them twice.
class ConnectionSummarizer {
public:
    explicit ConnectionSummarizer(Side clientSide) : m_client(clientSide) {}

    void add(const PacketRecord& packet);
    ConnectionSummary finish() const;

private:
    struct Seen {
        std::optional<TimeNs> syn, synAck, ackAfterSynAck;
        std::optional<TimeNs> clientFirstPayload, serverFirstPayload;
        bool clientFin = false, serverFin = false, clientRst = false, serverRst = false;
        std::optional<bool> firstRstFromClient;
        // For "cut short": what the server sent before and after the first close.
        bool clientFinFirst = false, serverPayloadBeforeClose = false,
             serverPayloadAfterClientFin = false;
    };
    static ConnState classify(const Seen& seen);
    static ClientCut clientCutOf(const Seen& seen);
    void noteMilestones(const PacketRecord& packet, bool fromClient);
    void noteClose(const PacketRecord& packet, bool fromClient);

    Side m_client;
    std::size_t m_index = 0;
    TimeNs m_origin = 0;
    ConnectionSummary m_summary;
    Seen m_seen;
};

std::string_view connStateCode(ConnState state);
std::string_view connStateMeaning(ConnState state);
std::string_view closedByText(ClosedBy closedBy);

} // namespace tcpladder
