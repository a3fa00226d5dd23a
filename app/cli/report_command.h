#pragma once

namespace tcpladder::cli {

// `tcpladder-cli report ...`: argv[1] is "report". Returns the exit status.
int runReport(int argc, char** argv);

} // namespace tcpladder::cli
