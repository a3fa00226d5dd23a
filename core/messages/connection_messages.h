#pragma once

#include "common/result.h"
#include "load/loaded_capture.h"
#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace tcpladder {

struct ConnectionMessages {
    std::optional<MessageProtocol> protocol; // empty: nothing recognised, nothing labelled
    std::vector<Message> messages;           // by first frame, then stream order
};

// Detects the protocol and reads every message of both directions; pairs
// HTTP responses with their requests and times them.
ConnectionMessages readMessages(const AssembledStream& client, const AssembledStream& server);

// The same for one connection of a loaded capture, its packets re-read from
// the file. Fails when the capture cannot be re-read (a pipe).
Result<ConnectionMessages> readConnectionMessages(const LoadedCapture& capture,
                                                  std::uint32_t connection);

} // namespace tcpladder
