#include "cli_options.h"
#include "connections_output.h"
#include "load/capture_loader.h"
#include "packets_output.h"
#include "report_command.h"

#include <cstdio>
#include <string_view>

using namespace tcpladder;

int main(int argc, char** argv) {
    if (argc >= 2 && std::string_view(argv[1]) == "report")
        return cli::runReport(argc, argv);
    const cli::ParsedArguments parsed = cli::parseArguments(argc, argv);
    if (!parsed.options) {
        std::fprintf(stderr, "tcpladder-cli: %s\n\n%s", parsed.error.c_str(), cli::usageText());
        return 2;
    }
    const cli::CliOptions& options = *parsed.options;
    if (options.command == cli::Command::Help) {
        std::fputs(cli::usageText(), stdout);
        return 0;
    }
    const auto loaded = loadCapture(options.file);
    if (!loaded) {
        std::fprintf(stderr, "tcpladder-cli: %s\n", loaded.error().c_str());
        return 1;
    }
    const LoadedCapture& capture = *loaded.value();
    for (const std::string& warning : capture.warnings)
        std::fprintf(stderr, "tcpladder-cli: warning: %s: %s\n", options.file.c_str(),
                     warning.c_str());
    if (options.connection && *options.connection >= capture.connections.size()) {
        std::fprintf(stderr, "tcpladder-cli: %s has no connection %u (it has %zu)\n",
                     options.file.c_str(), *options.connection, capture.connections.size());
        return 2;
    }
    cli::OutputBuffer out(stdout);
    if (options.command == cli::Command::Connections)
        cli::printConnections(capture, options.format, out);
    else
        cli::printPackets(capture, options.connection, options.format, out);
    return 0;
}
