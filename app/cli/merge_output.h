#pragma once

#include "cli_options.h"
#include "merge/merged_capture.h"
#include "output_buffer.h"

#include <optional>

namespace tcpladder::cli {

// Two capture points merged: one row per connection with how it matched,
// loss between the points and one-way delays per direction, and the clock
// offset used.
void printMergedConnections(const MergedCapture& merged, Format format, OutputBuffer& out);

// The packets of one merged connection (or all): when each passed each point
// (point 0's clock), its fate and whether the one-sided analysis disagrees.
void printMergedPackets(const MergedCapture& merged, std::optional<std::uint32_t> connection,
                        Format format, OutputBuffer& out);

} // namespace tcpladder::cli
