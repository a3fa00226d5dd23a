#pragma once

#include "ladder/ladder_messages.h"
#include "ladder/packet_details_text.h"

#include <cstddef>
#include <vector>

namespace tcpladder::ui {

// A section per application message the packet carries bytes of: its
// protocol and kind as the title, then its name, frames, timing and every
// decoded field.
std::vector<DetailsSection> describeMessages(const LadderMessages& messages, std::size_t index,
                                             bool fromClient);

} // namespace tcpladder::ui
