#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <span>
#include <vector>

namespace tcpladder {

// Line-based text protocols (SMTP, FTP, POP3, IMAP): one message per line
// of printable text, until the first line that is not (a STARTTLS switch,
// binary data) or a bounded number of lines. Returns where it stopped.
std::uint64_t parseTextLines(const AssembledStream& stream, bool toServer,
                             std::vector<Message>& out);

// True when the server's first bytes are a greeting of such a protocol.
bool looksLikeTextGreeting(std::span<const std::uint8_t> start);

} // namespace tcpladder
