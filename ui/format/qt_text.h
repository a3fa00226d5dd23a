#pragma once

#include "tcp/connection.h"

#include <QString>
#include <string>
#include <string_view>

namespace tcpladder::ui {

// The core speaks std::string; the GUI turns it into QString only here, at its edge.
inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// "10.0.0.1:443" or "[2001:db8::1]:443", as the CLI and the oracle write it.
inline QString endpointText(const Endpoint& endpoint) {
    return toQString(formatEndpoint(endpoint.address, endpoint.port));
}

} // namespace tcpladder::ui
