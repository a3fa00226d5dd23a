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
// `from`: where the first record starts (after a STARTTLS preamble).
void parseTls(const AssembledStream& stream, bool toServer, std::vector<Message>& out,
              std::uint64_t from = 0);

// True when the bytes begin a TLS handshake or alert record.
bool looksLikeTls(std::span<const std::uint8_t> start);

} // namespace tcpladder
