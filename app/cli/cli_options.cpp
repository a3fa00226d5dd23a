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
           "  -h, --help    this text\n"
           "\n"
           "  --            ends the options: a FILE may begin with '-'\n"
           "\n"
           "Exit status: 0 success; 1 the capture could not be read or standard output\n"
           "could not be written; 2 usage error, or no connection ID in the capture.\n";
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
            if (!options.file.empty())
                return usageError("more than one capture file given");
            options.file = arg;
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
    if (formatText) {
        const auto format = parseFormat(*formatText, options.command);
        if (!format)
            return usageError("unknown format '" + std::string(*formatText) + "' for " +
                              std::string(command));
        options.format = *format;
    }
    return {options, {}};
}

} // namespace tcpladder::cli
