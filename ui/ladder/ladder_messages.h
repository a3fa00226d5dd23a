#pragma once

#include "load/loaded_capture.h"
#include "messages/connection_messages.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace tcpladder::ui {

// The application messages of one connection placed on its packets, built
// on a worker once the connection is selected and then shared read-only by
// the ladder, its exports and the packet details.
struct LadderMessages {
    const LoadedCapture* capture = nullptr; // identity only: results of another capture are stale
    std::uint32_t connection = 0;
    std::optional<MessageProtocol> protocol;
    std::vector<Message> messages;        // by first frame, as the core orders them
    std::vector<std::size_t> firstPacket; // per message: the packet index it starts at
    std::vector<std::size_t> lastPacket;  // and the one that completes it
    std::size_t longestSpan = 0;          // the most packets between a first and a last

    bool empty() const { return messages.empty(); }
    // Messages that start at packet `index`: [first, last) into `messages`.
    std::pair<std::size_t, std::size_t> startingAt(std::size_t index) const;
    // Messages whose first and last packets reach into packets [first, last).
    std::vector<std::size_t> overlapping(std::size_t first, std::size_t last) const;
    // Messages of the sender whose bytes the packet at `index` may carry:
    // those of its direction that began at or before it and ended at or after it.
    std::vector<std::size_t> carriedBy(std::size_t index, bool fromClient) const;
};

// Finds each message's packets by its frames.
LadderMessages placeMessages(const LoadedCapture& capture, std::uint32_t connection,
                             ConnectionMessages read);

} // namespace tcpladder::ui
