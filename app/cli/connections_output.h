#pragma once

#include "cli_options.h"
#include "load/loaded_capture.h"
#include "output_buffer.h"

namespace tcpladder::cli {

void printConnections(const LoadedCapture& capture, Format format, OutputBuffer& out);

} // namespace tcpladder::cli
