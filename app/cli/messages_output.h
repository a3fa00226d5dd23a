#pragma once

#include "cli_options.h"
#include "load/loaded_capture.h"
#include "output_buffer.h"

#include <cstdint>
#include <optional>
#include <string>

namespace tcpladder::cli {

// Prints the application messages of one connection, or of all, each read
// again from the capture file. False (with `error` set) when the capture
// cannot be re-read.
bool printMessages(const LoadedCapture& capture, std::optional<std::uint32_t> connection,
                   Format format, OutputBuffer& out, std::string& error);

} // namespace tcpladder::cli
