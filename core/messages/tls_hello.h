#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace tcpladder {

// What a ClientHello or ServerHello says, read from its body (the bytes after
// the 4-byte handshake header, as far as they were captured). Shared by the
// TLS parser and the summary built while loading.
struct TlsHello {
    std::string sni;  // ClientHello's server_name
    std::string alpn; // offered (client) or chosen (server), comma-separated
    // supported_versions when present, else the legacy version field.
    std::uint16_t version = 0;
    std::uint16_t cipher = 0; // ServerHello
    bool retry = false;       // a ServerHello that is a HelloRetryRequest
    bool complete = false;    // every field up to the extensions was there
};

// `type`: 1 ClientHello, 2 ServerHello.
TlsHello readTlsHello(std::uint8_t type, std::span<const std::uint8_t> body);

} // namespace tcpladder
