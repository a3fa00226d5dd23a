#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <optional>

namespace tcpladder {

// The application protocol of a connection, from the first bytes of each
// direction (never from the ports); empty when none is recognised.
std::optional<MessageProtocol> detectProtocol(const AssembledStream& client,
                                              const AssembledStream& server);

// Where each direction's TLS begins after a plain-text or binary preamble
// (STARTTLS, PostgreSQL's or MySQL's SSL request): the first of the first
// few segments of the client that starts a ClientHello record, and the first
// of the server's that starts a TLS record.
struct TlsStart {
    std::uint64_t client = 0;
    std::uint64_t server = 0;
};
std::optional<TlsStart> findTlsAfterPreamble(const AssembledStream& client,
                                             const AssembledStream& server);

} // namespace tcpladder
