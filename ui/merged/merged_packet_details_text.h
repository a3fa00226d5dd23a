#pragma once

#include "ladder/packet_details_text.h"
#include "merge/merged_capture.h"

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace tcpladder::ui {

// The details of merged packet `packet`: first what the merge found (its
// fate, when it passed each point on point 1's clock, its one-way delay),
// then, for each point that saw it, sender side first, that capture's
// fields under "Point N: " titles. `details[p]` is the header re-read from
// point p's file; nothing while the worker still reads it.
using MergedPacketDetails = std::array<std::optional<Result<PacketDetails>>, 2>;
std::vector<DetailsSection> describeMergedPacket(const MergedCapture& merged,
                                                 const MergedConnection& connection,
                                                 std::size_t packet,
                                                 const MergedPacketDetails& details);

} // namespace tcpladder::ui
