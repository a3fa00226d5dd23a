#pragma once

#include "gui_options.h"

namespace tcpladder::gui {

// The whole program when the command line asks for --export-ladder and/or
// --export-chart: picks the offscreen platform (unless QT_QPA_PLATFORM names
// one), loads the capture once and writes every file asked for. Exit status
// as tcpladder-cli's: 0 all written; 1 the capture could not be read or a
// file not written (one line on stderr each); 2 no such connection.
int runHeadlessExports(int& argc, char** argv, const GuiOptions& options);

} // namespace tcpladder::gui
