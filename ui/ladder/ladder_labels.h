#pragma once

#include "ladder/ladder_data.h"

#include <QString>
#include <cstddef>

namespace tcpladder::ui {

// The text on an arrow, in Wireshark's words: "PA  Seq=1 Ack=1 Len=1036 Win=65792".
QString arrowLabel(const LadderData& data, std::size_t index);
// "#12", the frame number in the file.
QString frameLabel(const LadderData& data, std::size_t index);
// Time since the connection's first packet at microsecond precision: "63.179 ms", "1.234567 s".
QString relativeTimeLabel(TimeNs time);
// Several lines for the hover tooltip.
QString arrowTooltip(const LadderData& data, std::size_t index);

} // namespace tcpladder::ui
