#include "report_options.h"

#include <charconv>
#include <string_view>

namespace tcpladder::cli {
namespace {

ParsedReportArguments usageError(std::string message) {
    return {std::nullopt, std::move(message)};
}

std::optional<TimeNs> parseMilliseconds(std::string_view text) {
    double ms = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !(ms >= 0) ||
        ms > 1e12)
        return std::nullopt;
    return static_cast<TimeNs>(ms * 1e6 + 0.5);
}

std::optional<unsigned> parseFindings(std::string_view text) {
    unsigned bits = 0;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view word = text.substr(0, comma);
        if (word == "slow")
            bits |= kFoundSlow;
        else if (word == "cut-short")
            bits |= kFoundCutShort;
        else if (word == "loss")
            bits |= kFoundLoss;
        else
            return std::nullopt;
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return bits ? std::optional(bits) : std::nullopt;
}

} // namespace

const char* reportUsageText() {
    return "usage: tcpladder-cli report CAPTURE... [--server HOST[:PORT]] [--slow auto|MS]\n"
           "                    [--format text|json|tsv] [--fail-on slow,cut-short,loss]\n"
           "                    [--all-slow]\n"
           "\n"
           "Answers three questions over one capture or a rotation set (several files, or\n"
           "a directory of them, read in time order as one capture): the first slow\n"
           "connection, the connections the client cut short, and the connections with\n"
           "loss, stalls or zero windows, worst first.\n"
           "\n"
           "  --server    only connections to this server (10.0.0.5, :443, 10.0.0.5:443,\n"
           "              [2001:db8::1]:443)\n"
           "  --slow      auto (default): handshake RTT or time to first server byte above\n"
           "              3x the median of the other connections to the same server and\n"
           "              above 100 ms; MS: above MS milliseconds\n"
           "  --format    text for people; json (JSON Lines) and tsv for scripts\n"
           "  --fail-on   the exit status says whether any of these was found\n"
           "  --all-slow  every slow connection, not only the first\n"
           "\n"
           "Exit status: 0 success (nothing asked for by --fail-on was found), 1 no\n"
           "capture could be read, 2 usage error, 8 + 1 (slow) + 2 (cut short) + 4 (loss,\n"
           "stalls or zero windows) for what --fail-on asked for and found (9 to 15).\n";
}

ParsedReportArguments parseReportArguments(int argc, char** argv) {
    ReportArguments arguments;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "-h" || arg == "--help") {
            arguments.help = true;
            return {arguments, {}};
        }
        if (arg == "--server" || arg == "--slow" || arg == "--format" || arg == "--fail-on") {
            if (!hasValue)
                return usageError(std::string(arg) + " needs a value");
            const std::string_view value = argv[++i];
            if (arg == "--server") {
                arguments.report.server = parseEndpointPattern(value);
                if (!arguments.report.server)
                    return usageError("--server needs HOST, :PORT or HOST:PORT, not '" +
                                      std::string(value) + "'");
            } else if (arg == "--slow") {
                if (value != "auto") {
                    arguments.report.slow.fixedThreshold = parseMilliseconds(value);
                    if (!arguments.report.slow.fixedThreshold)
                        return usageError("--slow needs auto or milliseconds, not '" +
                                          std::string(value) + "'");
                }
            } else if (arg == "--format") {
                if (value == "text")
                    arguments.format = ReportFormat::Text;
                else if (value == "json")
                    arguments.format = ReportFormat::Json;
                else if (value == "tsv")
                    arguments.format = ReportFormat::Tsv;
                else
                    return usageError("unknown format '" + std::string(value) + "' for report");
            } else {
                const auto bits = parseFindings(value);
                if (!bits)
                    return usageError("--fail-on takes slow, cut-short and loss, not '" +
                                      std::string(value) + "'");
                arguments.failOn |= *bits;
            }
        } else if (arg == "--all-slow") {
            arguments.allSlow = true;
        } else if (arg.starts_with("-") && arg != "-") {
            return usageError("unknown option '" + std::string(arg) + "'");
        } else {
            arguments.captures.emplace_back(arg);
        }
    }
    if (arguments.captures.empty())
        return usageError("missing CAPTURE (a file or a directory of rotated files)");
    return {arguments, {}};
}

} // namespace tcpladder::cli
