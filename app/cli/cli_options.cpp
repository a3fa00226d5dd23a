#include "cli_options.h"

#include "load/memory_budget.h"

#include <charconv>
#include <string_view>

namespace tcpladder::cli {
namespace {

std::optional<Format> parseFormat(std::string_view text, Command command) {
    if (text == "tsv")
        return Format::Tsv;
    if (text == "json")
        return Format::Json;
    if ((command == Command::Connections || command == Command::Messages) && text == "table")
        return Format::Table;
    if (command == Command::Packets && text == "ladder")
        return Format::Ladder;
    return std::nullopt;
}

ParsedArguments usageError(std::string message) {
    return {std::nullopt, std::move(message)};
}

} // namespace

const char* usageText() {
    return "usage: tcpladder-cli connections FILE [--format table|tsv|json]\n"
           "       tcpladder-cli packets FILE [--connection ID] [--format ladder|tsv|json]\n"
           "       tcpladder-cli connections A B [--format table|tsv|json] [--offset SECONDS]\n"
           "       tcpladder-cli packets A B [--connection ID] [--format tsv|json] [--offset "
           "SECONDS]\n"
           "       tcpladder-cli messages FILE [--connection ID] [--format table|tsv|json]\n"
           "       tcpladder-cli report CAPTURE... [options] (see: tcpladder-cli report --help)\n"
           "\n"
           "Reads a pcap or pcapng capture and prints its TCP connections, or the\n"
           "packets of one connection (or all) with relative seq/ack numbers and\n"
           "Wireshark's analysis marks, or the application messages (HTTP, TLS, DNS,\n"
           "SSH, text lines) each connection carried. FILE may be gzip, zstd or lz4\n"
           "compressed, a FIFO or a pipe; - reads standard input.\n"
           "\n"
           "  --format      table (connections) and ladder (packets) are for people;\n"
           "                tsv and json are for scripts\n"
           "  --connection  only the packets or messages of connection ID (the id column)\n"
           "  --memory-budget SIZE\n"
           "                stop loading once the index holds SIZE (512M, 2G, ...;\n"
           "                default: half of the machine's memory) and print what was\n"
           "                loaded, with a warning\n"
           "  --offset SECONDS\n"
           "                with two captures: point B's clock minus point A's, when known\n"
           "                (default: estimated from packets seen at both points)\n"
           "  -h, --help    this text\n"
           "\n"
           "Two capture points: given two captures of the same traffic (client side A,\n"
           "server side B, or the other way round), connections matches their\n"
           "connections (by 4-tuple and ISNs, or by ISNs alone behind a NAT) and prints,\n"
           "per connection, packets lost between the points and one-way delays\n"
           "(min/median/p99) per direction, with the clock offset used, its bound and\n"
           "drift; packets prints each packet's time at both points (A's clock), its\n"
           "fate (both, lost-between, only-at-receiver, resent-after-loss, one-point)\n"
           "and whether the receiver side's one-sided analysis disagrees.\n"
           "\n"
           "  --            ends the options: a FILE may begin with '-'\n"
           "\n"
           "Exit status: 0 success; 1 the capture could not be read or standard output\n"
           "could not be written; 2 usage error, or no connection ID in the capture.\n";
}

std::optional<std::int64_t> parseSecondsNs(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    const std::size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if ((whole.empty() && fraction.empty()) || fraction.size() > 9 ||
        (point != std::string_view::npos && fraction.empty() && whole.empty()))
        return std::nullopt;
    std::int64_t seconds = 0;
    if (!whole.empty()) {
        const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
        if (ec != std::errc{} || end != whole.data() + whole.size() || seconds > 9'000'000'000)
            return std::nullopt;
    }
    std::int64_t nanoseconds = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        const char digit = i < fraction.size() ? fraction[i] : '0';
        if (digit < '0' || digit > '9')
            return std::nullopt;
        nanoseconds = nanoseconds * 10 + (digit - '0');
    }
    const std::int64_t total = seconds * 1'000'000'000 + nanoseconds;
    return negative ? -total : total;
}

ParsedArguments parseArguments(int argc, char** argv) {
    CliOptions options;
    if (argc < 2)
        return usageError("missing command");
    const std::string_view command = argv[1];
    if (command == "-h" || command == "--help" || command == "help")
        return {options, {}};
    if (command == "connections")
        options.command = Command::Connections;
    else if (command == "packets")
        options.command = Command::Packets;
    else if (command == "messages")
        options.command = Command::Messages;
    else
        return usageError("unknown command '" + std::string(command) + "'");
    options.format = options.command == Command::Packets ? Format::Ladder : Format::Table;

    std::optional<std::string_view> formatText;
    bool optionsEnded = false; // after "--", a file may begin with '-'
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (optionsEnded || !arg.starts_with("-") || arg == "-") {
            if (options.file.empty())
                options.file = arg;
            else if (options.secondFile.empty() && options.command != Command::Messages)
                options.secondFile = arg;
            else
                return usageError(
                    "more than " +
                    std::string(options.command == Command::Messages ? "one" : "two") +
                    " capture files given");
        } else if (arg == "--") {
            optionsEnded = true;
        } else if (arg == "-h" || arg == "--help") {
            options.command = Command::Help;
            return {options, {}};
        } else if (arg == "--format") {
            if (!hasValue)
                return usageError("--format needs a value");
            formatText = argv[++i];
        } else if (arg == "--connection" && options.command != Command::Connections) {
            if (!hasValue)
                return usageError("--connection needs an id");
            const std::string_view value = argv[++i];
            std::uint32_t id = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
            if (ec != std::errc{} || end != value.data() + value.size())
                return usageError("--connection needs a number, not '" + std::string(value) + "'");
            options.connection = id;
        } else if (arg == "--offset") {
            if (!hasValue)
                return usageError("--offset needs seconds");
            const std::string_view value = argv[++i];
            options.offsetNs = parseSecondsNs(value);
            if (!options.offsetNs)
                return usageError("--offset needs seconds such as 0.25 or -3, not '" +
                                  std::string(value) + "'");
        } else if (arg == "--memory-budget") {
            if (!hasValue)
                return usageError("--memory-budget needs a size");
            const std::string_view value = argv[++i];
            options.memoryBudget = parseMemorySize(value);
            if (!options.memoryBudget)
                return usageError("--memory-budget needs a size such as 512M or 2G, not '" +
                                  std::string(value) + "'");
        } else {
            return usageError("unknown option '" + std::string(arg) + "'");
        }
    }
    if (options.file.empty())
        return usageError("missing capture FILE");
    if (options.offsetNs && options.secondFile.empty())
        return usageError("--offset needs two capture files");
    if (!options.secondFile.empty() && options.command == Command::Packets && !formatText)
        options.format = Format::Tsv;
    if (formatText) {
        const auto format = parseFormat(*formatText, options.command);
        if (!format)
            return usageError("unknown format '" + std::string(*formatText) + "' for " +
                              std::string(command));
        options.format = *format;
        if (!options.secondFile.empty() && options.format == Format::Ladder)
            return usageError("packets of two captures are tsv or json, not ladder");
    }
    return {options, {}};
}

} // namespace tcpladder::cli
