#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcpladder::cli {

enum class Command { Connections, Packets, Messages, Help };
enum class Format { Table, Tsv, Json, Ladder };

struct CliOptions {
    Command command = Command::Help;
    std::string file;
    std::string secondFile; // a second capture point: connections and packets merge the two
    std::optional<std::int64_t> offsetNs; // --offset: point 1's clock minus point 0's
    Format format = Format::Table;
    std::optional<std::uint32_t> connection;
    std::optional<std::uint64_t> memoryBudget; // bytes; the loader's default when empty
};

struct ParsedArguments {
    std::optional<CliOptions> options; // empty on a usage error
    std::string error;
};

// "0.25", "-3", "+1.000000001" seconds as nanoseconds; empty when not such a number.
std::optional<std::int64_t> parseSecondsNs(std::string_view text);

ParsedArguments parseArguments(int argc, char** argv);
const char* usageText();

} // namespace tcpladder::cli
