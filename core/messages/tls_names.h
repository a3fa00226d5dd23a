#pragma once

#include <cstdint>
#include <string>

namespace tcpladder {

// Names as Wireshark prints them, for labels; a number when not known.
std::string tlsVersionName(std::uint16_t version);
std::string tlsHandshakeName(std::uint8_t type);
bool tlsHandshakeKnown(std::uint8_t type);
std::string tlsAlertName(std::uint8_t description);
std::string tlsCipherName(std::uint16_t suite);

} // namespace tcpladder
