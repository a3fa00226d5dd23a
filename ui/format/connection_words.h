#pragma once

#include <QString>

#include "models/connection_facts.h"

namespace tcpladder::ui {

// How the connection ended, the way a person would say it:
// "reset by client after 3.20 MB, 1.52 s in".
QString closeInWords(const Connection& connection, const ConnectionFacts& facts);
// Zeek's conn_state with its meaning: "RSTO: established, reset by the client".
QString stateInWords(const ConnectionFacts& facts);

} // namespace tcpladder::ui
