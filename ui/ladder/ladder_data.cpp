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

} // namespace

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
