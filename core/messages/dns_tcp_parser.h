#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <span>
#include <vector>

namespace tcpladder {

// DNS over TCP (RFC 1035 4.2.2): length-prefixed messages, each read for its
// first question (name and type) and, in responses, its rcode.
void parseDnsTcp(const AssembledStream& stream, bool toServer, std::vector<Message>& out);

// True when the bytes begin a length-prefixed DNS message with a question.
bool looksLikeDnsTcp(std::span<const std::uint8_t> start);

} // namespace tcpladder
