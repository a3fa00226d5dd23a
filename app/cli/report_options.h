#pragma once

#include "analysis/capture_report.h"

#include <optional>
#include <string>
#include <vector>

namespace tcpladder::cli {

enum class ReportFormat { Text, Json, Tsv };

// What --fail-on can ask for, one bit each; the exit status is
// kFoundExitBase plus the bits of what was asked for and found.
enum ReportFinding : unsigned { kFoundSlow = 1, kFoundCutShort = 2, kFoundLoss = 4 };
constexpr int kFoundExitBase = 8;

struct ReportArguments {
    std::vector<std::string> captures; // files and directories, as given
    ReportOptions report;
    ReportFormat format = ReportFormat::Text;
    unsigned failOn = 0; // ReportFinding bits
    bool allSlow = false;
    bool help = false;
};

struct ParsedReportArguments {
    std::optional<ReportArguments> arguments; // empty on a usage error
    std::string error;
};

// argv[1] is "report".
ParsedReportArguments parseReportArguments(int argc, char** argv);
const char* reportUsageText();

} // namespace tcpladder::cli
