#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <span>
#include <vector>

namespace tcpladder {

// HTTP/1.0 and 1.1 requests and responses of one connection. Bodies are
// skipped by Content-Length, chunk sizes or the connection's end, never
// copied, so a keep-alive or pipelined connection splits into its messages
// and a lying length only marks its message truncated. The requests are read
// first: a response to HEAD has no body.
void parseHttp(const AssembledStream& client, const AssembledStream& server,
               std::vector<Message>& out);

// True when the bytes begin an HTTP/1 request or response line.
bool looksLikeHttp(std::span<const std::uint8_t> start);

} // namespace tcpladder
