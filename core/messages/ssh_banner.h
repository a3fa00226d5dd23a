#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <span>
#include <vector>

namespace tcpladder {

// The SSH identification string of one direction (RFC 4253 4.2); the binary
// packets after it are encrypted or key exchange, and left unlabelled.
void parseSshBanner(const AssembledStream& stream, bool toServer, std::vector<Message>& out);

bool looksLikeSsh(std::span<const std::uint8_t> start);

} // namespace tcpladder
