#pragma once

#include "analysis/connection_summary.h"
#include "ladder/capture_point_estimate.h"
#include "ladder/ladder_messages.h"
#include "ladder/ladder_timeline.h"
#include "load/loaded_capture.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

namespace tcpladder::ui {

// A side note in the margin, anchored at a time since the connection's first packet.
struct LadderNote {
    enum class Kind { Handshake, ThinkTime, Stall, Close };
    Kind kind = Kind::Handshake;
    std::size_t packet = 0; // the packet it belongs to
    TimeNs time = 0;
    TimeNs endTime = 0; // a stall's end; equal to `time` otherwise
    QString text;
    QString detail; // the tooltip
};

// Everything about one connection the ladder draws, computed once on
// selection; shared by the view, the exporters and the details pane.
struct LadderData {
    std::shared_ptr<const LoadedCapture> capture;
    std::uint32_t connection = 0;
    Side clientSide = kSideA;
    TimeNs origin = 0; // the first packet's time
    ConnectionSummary summary;
    CapturePointEstimate estimate;
    LadderTimeline timeline;
    std::vector<LadderNote> notes; // in time order
    QString clientName;            // "ip:port"
    QString serverName;
    // The application messages, once a worker has read them; null before.
    std::shared_ptr<const LadderMessages> messages;

    std::size_t packetCount() const { return timeline.packetCount; }
    const PacketRecord& packet(std::size_t index) const {
        return capture->packets.at(connection, index);
    }
    TimeNs relativeTime(std::size_t index) const { return packet(index).time() - origin; }
    bool fromClient(std::size_t index) const { return packet(index).side() == clientSide; }
    // Index of the first packet whose time (as a search key) is at or after `time`.
    std::size_t firstAtOrAfter(TimeNs time) const;
    // The frame's packet index, or the next one after it; packetCount() when none.
    std::size_t indexOfFrame(std::uint64_t frame) const;
    // The messages that start at the packet, when there are any.
    std::pair<std::size_t, std::size_t> messagesStartingAt(std::size_t index) const {
        return messages ? messages->startingAt(index) : std::pair<std::size_t, std::size_t>{};
    }
};

std::shared_ptr<const LadderData> buildLadderData(std::shared_ptr<const LoadedCapture> capture,
                                                  std::uint32_t connection,
                                                  const TimelineThresholds& thresholds = {});

// The same ladder with its application messages: their labels, brackets and
// a note per HTTP response with the server's think time and time to last byte.
std::shared_ptr<const LadderData> withMessages(const LadderData& data,
                                               std::shared_ptr<const LadderMessages> messages);

} // namespace tcpladder::ui
