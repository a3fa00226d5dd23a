#include "analysis/connection_summary.h"

#include "analysis/capture_point.h"
#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"

#include <algorithm>

namespace tcpladder {

std::optional<TimeNs> ConnectionSummary::handshakeRtt() const {
    if (!synToSynAck || !synAckToAck)
        return std::nullopt;
    return *synToSynAck + *synAckToAck;
}

std::optional<TimeNs> ConnectionSummary::serverThinkTime() const {
    if (!timeToFirstServerByte)
        return std::nullopt;
    const CapturePointEstimate estimate = estimateCapturePoint(synToSynAck, synAckToAck);
    if (!estimate.known())
        return std::nullopt;
    return std::max<TimeNs>(0, *timeToFirstServerByte - 2 * estimate.serverDelay);
}

ConnState ConnectionSummarizer::classify(const Seen& seen) {
    const bool synSeen = seen.syn.has_value();
    const bool synAckSeen = seen.synAck.has_value();
    if (!synSeen && !synAckSeen)
        return ConnState::OTH;
    if (synSeen && !synAckSeen) {
        if (seen.serverRst)
            return ConnState::REJ;
        if (seen.clientRst)
            return ConnState::RSTOS0;
        return seen.clientFin ? ConnState::SH : ConnState::S0;
    }
    if (!synSeen) {
        if (seen.serverRst)
            return ConnState::RSTRH;
        return seen.serverFin ? ConnState::SHR : ConnState::OTH;
    }
    return ConnState::S1;
}

void ConnectionSummarizer::noteMilestones(const PacketRecord& packet, bool fromClient) {
    Seen& seen = m_seen;
    Milestones& at = m_summary.at;
    const std::uint8_t flags = packet.flags();
    const TimeNs time = packet.time();
    if ((flags & (kSyn | kAck)) == kSyn && fromClient && !seen.syn) {
        seen.syn = time;
        at.syn = m_index;
    }
    if ((flags & (kSyn | kAck)) == (kSyn | kAck) && !fromClient && !seen.synAck) {
        seen.synAck = time;
        at.synAck = m_index;
    }
    if (seen.synAck && !seen.ackAfterSynAck && fromClient && (flags & kAck) && !(flags & kSyn)) {
        seen.ackAfterSynAck = time;
        at.handshakeAck = m_index;
    }
    if (packet.payloadLength() > 0) {
        auto& first = fromClient ? seen.clientFirstPayload : seen.serverFirstPayload;
        auto& index = fromClient ? at.firstClientPayload : at.firstServerPayload;
        if (!first) {
            first = time;
            index = m_index;
        }
    }
    if ((flags & kRst) && !at.firstRst)
        at.firstRst = m_index;
    if ((flags & kFin) && !(flags & kRst) && !at.firstFin)
        at.firstFin = m_index;
}

void ConnectionSummarizer::noteClose(const PacketRecord& packet, bool fromClient) {
    Seen& seen = m_seen;
    ConnectionSummary& summary = m_summary;
    const std::uint8_t flags = packet.flags();
    if (packet.payloadLength() > 0 && !fromClient && seen.clientFinFirst)
        seen.serverPayloadAfterClientFin = true;
    if (summary.closedBy != ClosedBy::Nobody)
        return;
    summary.bytesBeforeClose += packet.payloadLength();
    if (!(flags & (kFin | kRst)))
        return;
    summary.closedBy = flags & kRst ? (fromClient ? ClosedBy::ClientRst : ClosedBy::ServerRst)
                                    : (fromClient ? ClosedBy::ClientFin : ClosedBy::ServerFin);
    summary.closeAfter = packet.time() - m_origin;
    seen.clientFinFirst = fromClient && !(flags & kRst);
    seen.serverPayloadBeforeClose = seen.serverFirstPayload.has_value();
}

void ConnectionSummarizer::add(const PacketRecord& packet) {
    if (m_index == 0)
        m_origin = packet.time();
    Seen& seen = m_seen;
    const bool fromClient = packet.side() == m_client;
    const std::uint8_t flags = packet.flags();
    noteMilestones(packet, fromClient);
    noteClose(packet, fromClient);
    if ((flags & kRst) && !seen.firstRstFromClient)
        seen.firstRstFromClient = fromClient;
    if (flags & kRst)
        (fromClient ? seen.clientRst : seen.serverRst) = true;
    else if (flags & kFin)
        (fromClient ? seen.clientFin : seen.serverFin) = true;
    const std::uint16_t analysis = packet.analysis();
    m_summary.retransmissions += (analysis & kRetransmission) != 0;
    m_summary.dupAcks += (analysis & kDupAck) != 0;
    m_summary.zeroWindows += (analysis & kZeroWindow) != 0;
    ++m_index;
}

ClientCut ConnectionSummarizer::clientCutOf(const Seen& seen) {
    if (seen.clientRst)
        return ClientCut::Reset;
    if (seen.clientFinFirst && seen.serverPayloadAfterClientFin)
        return seen.serverPayloadBeforeClose ? ClientCut::FinMidAnswer : ClientCut::FinBeforeAnswer;
    if (seen.clientFinFirst && seen.clientFirstPayload && !seen.serverFirstPayload)
        return ClientCut::FinBeforeAnswer;
    return ClientCut::No;
}

ConnectionSummary ConnectionSummarizer::finish() const {
    const Seen& seen = m_seen;
    ConnectionSummary summary = m_summary;
    if (seen.syn && seen.synAck && *seen.synAck >= *seen.syn)
        summary.synToSynAck = *seen.synAck - *seen.syn;
    if (seen.synAck && seen.ackAfterSynAck)
        summary.synAckToAck = *seen.ackAfterSynAck - *seen.synAck;
    if (seen.serverFirstPayload) {
        const auto from = seen.clientFirstPayload ? seen.clientFirstPayload : seen.syn;
        if (from && *seen.serverFirstPayload >= *from)
            summary.timeToFirstServerByte = *seen.serverFirstPayload - *from;
    }
    summary.state = classify(seen);
    summary.clientCut = clientCutOf(seen);
    if (summary.state == ConnState::S1) {
        // Established: the first reset decides, else the FINs.
        if (seen.firstRstFromClient)
            summary.state = *seen.firstRstFromClient ? ConnState::RSTO : ConnState::RSTR;
        else if (seen.clientFin && seen.serverFin)
            summary.state = ConnState::SF;
        else if (seen.clientFin)
            summary.state = ConnState::S2;
        else if (seen.serverFin)
            summary.state = ConnState::S3;
    }
    return summary;
}

ConnectionSummary summarizeConnection(const LoadedCapture& capture, std::uint32_t connection) {
    ConnectionSummarizer summarizer(capture.connections[connection].clientSide());
    capture.packets.forEachChunk(connection, [&](const PacketRecord* packets, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i)
            summarizer.add(packets[i]);
    });
    return summarizer.finish();
}

std::string_view connStateCode(ConnState state) {
    static constexpr std::string_view kCodes[] = {
        "S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"};
    return kCodes[static_cast<int>(state)];
}

std::string_view connStateMeaning(ConnState state) {
    static constexpr std::string_view kMeanings[] = {
        "connection attempt seen, no reply",
        "established, not closed",
        "established and closed normally",
        "connection attempt rejected",
        "established, client closed, server did not",
        "established, server closed, client did not",
        "established, reset by the client",
        "established, reset by the server",
        "client sent SYN then RST, no SYN+ACK seen",
        "server sent SYN+ACK then RST, no SYN seen",
        "client sent SYN then FIN, no SYN+ACK seen",
        "server sent SYN+ACK then FIN, no SYN seen",
        "no SYN seen: traffic from the middle of a connection",
    };
    return kMeanings[static_cast<int>(state)];
}

std::string_view closedByText(ClosedBy closedBy) {
    static constexpr std::string_view kTexts[] = {"-", "client FIN", "server FIN", "client RST",
                                                  "server RST"};
    return kTexts[static_cast<int>(closedBy)];
}

} // namespace tcpladder
