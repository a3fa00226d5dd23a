#include "cli_options.h"
#include "connections_output.h"
#include "load/capture_loader.h"
#include "merge/two_point_loader.h"
#include "merge_output.h"
#include "messages_output.h"
#include "packets_output.h"
#include "report_command.h"

#include <cstdio>
#include <cstring>
#include <string_view>

using namespace tcpladder;

namespace {

// A lost report must not look like a finished one (a cron job's `> file` on
// a full disk): a failed write is exit status 1 and a line on stderr.
int finish(int status, const cli::OutputBuffer* out) {
    if (const int error = cli::closeStandardOutput(out)) {
        std::fprintf(stderr, "tcpladder-cli: cannot write standard output: %s\n",
                     std::strerror(error));
        return status ? status : 1;
    }
    return status;
}

// "2170 TCP of 2174 packets, 4 not TCP: ARP 2, ICMPv6 2", so that frames
// missing from the rows are never a silent surprise.
void reportNonTcp(const std::string& file, const LoadedCapture& capture) {
    if (capture.nonTcp.empty())
        return;
    std::string kinds;
    bool otherProtocols = true;
    for (const NonTcpCount& count : capture.nonTcp) {
        kinds += (kinds.empty() ? "" : ", ") + count.kind + ' ' + std::to_string(count.frames);
        otherProtocols = otherProtocols && count.otherProtocol;
    }
    std::fprintf(stderr, "tcpladder-cli: %s: %llu TCP of %llu packets, %llu %s: %s\n", file.c_str(),
                 static_cast<unsigned long long>(capture.tcpPackets),
                 static_cast<unsigned long long>(capture.frames),
                 static_cast<unsigned long long>(capture.frames - capture.tcpPackets),
                 otherProtocols ? "not TCP" : "without a TCP row", kinds.c_str());
}

// Two capture points: connections and packets of the merge.
int runMerge(const cli::CliOptions& options, const LoadOptions& loadOptions) {
    MergeOptions mergeOptions;
    mergeOptions.knownOffset = options.offsetNs;
    mergeOptions.keepPackets = options.command != cli::Command::Connections;
    const auto merged =
        loadAndMergeCaptures(options.file, options.secondFile, loadOptions, mergeOptions);
    if (!merged) {
        std::fprintf(stderr, "tcpladder-cli: %s\n", merged.error().c_str());
        return 1;
    }
    for (int point = 0; point < 2; ++point) {
        for (const std::string& warning : merged->points[point]->warnings)
            std::fprintf(stderr, "tcpladder-cli: warning: %s: %s\n",
                         merged->points[point]->path.c_str(), warning.c_str());
    }
    for (const std::string& note : merged->notes)
        std::fprintf(stderr, "tcpladder-cli: note: %s\n", note.c_str());
    if (options.connection && *options.connection >= merged->connections.size()) {
        std::fprintf(stderr,
                     "tcpladder-cli: the merge of %s and %s has no connection %u (it has %zu)\n",
                     options.file.c_str(), options.secondFile.c_str(), *options.connection,
                     merged->connections.size());
        return 2;
    }
    cli::OutputBuffer out(stdout);
    if (options.command == cli::Command::Connections)
        cli::printMergedConnections(merged.value(), options.format, out);
    else
        cli::printMergedPackets(merged.value(), options.connection, options.format, out);
    out.flush();
    return finish(0, &out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::string_view(argv[1]) == "report")
        return cli::runReport(argc, argv);
    const cli::ParsedArguments parsed = cli::parseArguments(argc, argv);
    if (!parsed.options) {
        std::fprintf(stderr, "tcpladder-cli: %s\n\n%s", parsed.error.c_str(), cli::usageText());
        return 2;
    }
    if (const int error = cli::standardOutputUsable()) {
        std::fprintf(stderr, "tcpladder-cli: cannot write standard output: %s\n",
                     std::strerror(error));
        return 1;
    }
    const cli::CliOptions& options = *parsed.options;
    if (options.command == cli::Command::Help) {
        std::fputs(cli::usageText(), stdout);
        return finish(0, nullptr);
    }
    LoadOptions loadOptions;
    if (options.memoryBudget)
        loadOptions.memoryBudget = *options.memoryBudget;
    if (!options.secondFile.empty())
        return runMerge(options, loadOptions);
    const auto loaded = loadCapture(options.file, loadOptions);
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
    reportNonTcp(options.file, capture);
    cli::OutputBuffer out(stdout);
    if (options.command == cli::Command::Connections) {
        cli::printConnections(capture, options.format, out);
    } else if (options.command == cli::Command::Packets) {
        cli::printPackets(capture, options.connection, options.format, out);
    } else if (std::string error;
               !cli::printMessages(capture, options.connection, options.format, out, error)) {
        out.flush();
        std::fprintf(stderr, "tcpladder-cli: %s: %s\n", options.file.c_str(), error.c_str());
        return finish(1, &out);
    }
    out.flush();
    return finish(0, &out);
}
