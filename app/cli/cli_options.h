#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tcpladder::cli {

enum class Command { Connections, Packets, Messages, Help };
enum class Format { Table, Tsv, Json, Ladder };

struct CliOptions {
    Command command = Command::Help;
    std::string file;
    Format format = Format::Table;
    std::optional<std::uint32_t> connection;
    std::optional<std::uint64_t> memoryBudget; // bytes; the loader's default when empty
};

struct ParsedArguments {
    std::optional<CliOptions> options; // empty on a usage error
    std::string error;
};

ParsedArguments parseArguments(int argc, char** argv);
const char* usageText();

} // namespace tcpladder::cli
