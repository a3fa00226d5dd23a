#include "report_command.h"

#include "load/capture_loader.h"
#include "load/capture_set.h"
#include "output_buffer.h"
#include "report_options.h"
#include "report_output.h"

#include <cstdio>

namespace tcpladder::cli {
namespace {

unsigned foundBits(const CaptureReport& report) {
    return (report.firstSlow ? kFoundSlow : 0u) | (report.cutShort.empty() ? 0u : kFoundCutShort) |
           (report.trouble.empty() ? 0u : kFoundLoss);
}

} // namespace

int runReport(int argc, char** argv) {
    const ParsedReportArguments parsed = parseReportArguments(argc, argv);
    if (!parsed.arguments) {
        std::fprintf(stderr, "tcpladder-cli: %s\n\n%s", parsed.error.c_str(), reportUsageText());
        return 2;
    }
    const ReportArguments& arguments = *parsed.arguments;
    if (arguments.help) {
        std::fputs(reportUsageText(), stdout);
        return 0;
    }
    const auto loaded = loadCaptureSet(captureSetFiles(arguments.captures));
    if (!loaded) {
        std::fprintf(stderr, "tcpladder-cli: %s\n", loaded.error().c_str());
        return 1;
    }
    const LoadedCapture& capture = *loaded.value();
    for (const std::string& warning : capture.warnings)
        std::fprintf(stderr, "tcpladder-cli: warning: %s\n", warning.c_str());
    const CaptureReport report = buildCaptureReport(capture, arguments.report);
    {
        OutputBuffer out(stdout);
        printReport(capture, report, arguments, out);
    }
    const unsigned found = foundBits(report) & arguments.failOn;
    return found ? kFoundExitBase + static_cast<int>(found) : 0;
}

} // namespace tcpladder::cli
