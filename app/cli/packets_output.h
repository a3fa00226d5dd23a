#pragma once

#include "cli_options.h"
#include "load/loaded_capture.h"
#include "output_buffer.h"

#include <cstdint>
#include <optional>

namespace tcpladder::cli {

// Prints the packets of one connection, or of all in file order.
void printPackets(const LoadedCapture& capture, std::optional<std::uint32_t> connection,
                  Format format, OutputBuffer& out);

} // namespace tcpladder::cli
