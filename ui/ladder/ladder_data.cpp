#include "ladder/ladder_data.h"

#include "format/qt_text.h"
#include "format/units.h"

#include <algorithm>
#include <ranges>

namespace tcpladder::ui {
namespace {

void addCloseNote(const LadderData& data, std::optional<std::size_t> index, bool reset,
                  std::vector<LadderNote>& notes) {
    if (!index)
        return;
    const bool client = data.fromClient(*index);
    const QString who = client ? QStringLiteral("client") : QStringLiteral("server");
    notes.push_back({LadderNote::Kind::Close, *index, data.relativeTime(*index),
                     data.relativeTime(*index),
                     reset ? QStringLiteral("Reset by the %1").arg(who)
                           : QStringLiteral("%1 closes (FIN)")
                                 .arg(client ? QStringLiteral("Client") : QStringLiteral("Server")),
                     QStringLiteral("Connection state %1: %2")
                         .arg(toQString(connStateCode(data.summary.state)),
                              toQString(connStateMeaning(data.summary.state)))});
}

void addHandshakeNotes(const LadderData& data, std::vector<LadderNote>& notes) {
    const ConnectionSummary& summary = data.summary;
    const Milestones& at = summary.at;
    if (const auto rtt = summary.handshakeRtt(); rtt && at.handshakeAck) {
        notes.push_back(
            {LadderNote::Kind::Handshake, *at.handshakeAck, data.relativeTime(*at.handshakeAck),
             data.relativeTime(*at.handshakeAck),
             QStringLiteral("Handshake RTT %1").arg(formatDuration(*rtt)),
             QStringLiteral("SYN → SYN+ACK %1 (capture point ↔ server), SYN+ACK → "
                            "ACK %2 (capture point ↔ client)")
                 .arg(formatDuration(*summary.synToSynAck), formatDuration(*summary.synAckToAck))});
    }
    if (summary.timeToFirstServerByte && at.firstServerPayload) {
        const std::size_t index = *at.firstServerPayload;
        QString text = QStringLiteral("First response byte after %1")
                           .arg(formatDuration(*summary.timeToFirstServerByte));
        QString detail = QStringLiteral("From the client's first payload byte to the server's, "
                                        "as seen at the capture point.");
        if (const auto think = summary.serverThinkTime()) {
            text += QStringLiteral("\nServer think time ≈ %1").arg(formatDuration(*think));
            detail += QStringLiteral(" Think time subtracts the capture point ↔ server round "
                                     "trip (%1) taken from the handshake.")
                          .arg(formatDuration(2 * data.estimate.serverDelay));
        }
        notes.push_back({LadderNote::Kind::ThinkTime, index, data.relativeTime(index),
                         data.relativeTime(index), text, detail});
    }
}

// Per HTTP response, at its first packet: the server's think time (the
// request's last byte to the response's first) and the time to its last
// byte, both as seen at the capture point.
void addMessageNotes(const LadderData& data, std::vector<LadderNote>& notes) {
    const LadderMessages& placed = *data.messages;
    for (std::size_t m = 0; m < placed.messages.size(); ++m) {
        const Message& response = placed.messages[m];
        if (response.kind != MessageKind::HttpResponse || response.thinkTime < 0 ||
            response.pair < 0)
            continue;
        const Message& request = placed.messages[static_cast<std::size_t>(response.pair)];
        const std::size_t index = placed.firstPacket[m];
        notes.push_back(
            {LadderNote::Kind::ThinkTime, index, data.relativeTime(index), data.relativeTime(index),
             QStringLiteral("Think %1 · last byte %2")
                 .arg(formatDuration(response.thinkTime), formatDuration(response.timeToLastByte)),
             QStringLiteral("%1 → %2: from the request's last byte (#%3) to the response's "
                            "first (#%4) %5, to its last (#%6) %7, as seen at the capture point.")
                 .arg(toQString(request.label), toQString(response.label))
                 .arg(request.lastFrame)
                 .arg(response.firstFrame)
                 .arg(formatDuration(response.thinkTime))
                 .arg(response.lastFrame)
                 .arg(formatDuration(response.timeToLastByte))});
    }
}

} // namespace

std::shared_ptr<const LadderData> withMessages(const LadderData& data,
                                               std::shared_ptr<const LadderMessages> messages) {
    auto result = std::make_shared<LadderData>(data);
    result->messages = std::move(messages);
    if (!result->messages || result->packetCount() == 0)
        return result;
    std::vector<LadderNote> added;
    addMessageNotes(*result, added);
    if (added.empty())
        return result;
    // Each response has its own think time now; the connection's note on
    // its first response byte would repeat the first of them.
    std::vector<LadderNote> notes = std::move(result->notes);
    std::erase_if(notes,
                  [](const LadderNote& note) { return note.kind == LadderNote::Kind::ThinkTime; });
    notes.insert(notes.end(), added.begin(), added.end());
    std::ranges::stable_sort(notes, {}, &LadderNote::time);
    result->notes = std::move(notes);
    return result;
}

std::size_t LadderData::firstAtOrAfter(TimeNs time) const {
    return timeline.timeIndex.firstAtOrAfter(time);
}

std::size_t LadderData::indexOfFrame(std::uint64_t frame) const {
    const auto indices = std::views::iota(std::size_t{0}, packetCount());
    const auto found = std::ranges::partition_point(
        indices, [&](std::size_t i) { return packet(i).frame() < frame; });
    return found == indices.end() ? packetCount() : *found;
}

std::shared_ptr<const LadderData> buildLadderData(std::shared_ptr<const LoadedCapture> capture,
                                                  std::uint32_t connection,
                                                  const TimelineThresholds& thresholds) {
    auto data = std::make_shared<LadderData>();
    const Connection& info = capture->connections.at(connection);
    data->connection = connection;
    data->clientSide = info.clientSide();
    data->timeline = buildConnectionTimeline(*capture, connection, thresholds, &data->summary);
    data->estimate = estimateCapturePoint(data->summary.synToSynAck, data->summary.synAckToAck);
    data->clientName = endpointText(info.client());
    data->serverName = endpointText(info.server());
    data->capture = std::move(capture);
    if (data->packetCount() == 0)
        return data;
    data->origin = data->capture->packets.at(connection, 0).time();

    std::vector<LadderNote> notes;
    addHandshakeNotes(*data, notes);
    for (const Silence& stall : data->timeline.stalls) {
        notes.push_back({LadderNote::Kind::Stall, stall.before, stall.begin, stall.end,
                         QStringLiteral("Stall %1").arg(formatDuration(stall.length())),
                         QStringLiteral("No packet for %1 while %2 from the %3 waited for "
                                        "their ACK.")
                             .arg(formatDuration(stall.length()), formatBytes(stall.outstanding),
                                  stall.outstandingFromClient ? QStringLiteral("client")
                                                              : QStringLiteral("server"))});
    }
    addCloseNote(*data, data->summary.at.firstFin, false, notes);
    addCloseNote(*data, data->summary.at.firstRst, true, notes);
    std::ranges::stable_sort(notes, {}, &LadderNote::time);
    data->notes = std::move(notes);
    return data;
}

} // namespace tcpladder::ui
