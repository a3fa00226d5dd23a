#pragma once

#include "analysis/connection_facts.h"

#include <QString>

namespace tcpladder::ui {

// How the connection ended, the way a person would say it:
// "reset by client after 3.20 MB, 1.52 s in".
QString closeInWords(const ConnectionFacts& facts);
// "no", or how the client ended the connection early.
QString cutInWords(ClientCut cut);
// Zeek's conn_state with its meaning: "RSTO: established, reset by the client".
QString stateInWords(const ConnectionFacts& facts);

} // namespace tcpladder::ui
