#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <optional>

namespace tcpladder {

// The application protocol of a connection, from the first bytes of each
// direction (never from the ports); empty when none is recognised.
std::optional<MessageProtocol> detectProtocol(const AssembledStream& client,
                                              const AssembledStream& server);

} // namespace tcpladder
