#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <span>
#include <vector>

namespace tcpladder {

// TLS 1.0-1.3 records of one direction: each handshake message (reassembled
// across records and segments), ChangeCipherSpec, alerts, and runs of
// encrypted application data records. Record and handshake lengths are
// checked against the protocol's limits and the stream, never allocated.
void parseTls(const AssembledStream& stream, bool toServer, std::vector<Message>& out);

// True when the bytes begin a TLS record header.
bool looksLikeTls(std::span<const std::uint8_t> start);

} // namespace tcpladder
