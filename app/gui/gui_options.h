#pragma once

#include "chart/headless_chart_export.h"
#include "ladder/ladder_headless_export.h"

#include <QSize>
#include <QString>
#include <cstdint>
#include <optional>

namespace tcpladder::gui {

struct GuiOptions {
    QString capture; // opened at start; empty: none
    // Set: `capture` and this are two capture points of the same traffic,
    // merged at start (issue 9).
    QString secondCapture;
    // --offset SECONDS: point 2's clock minus point 1's, instead of the estimate.
    std::optional<TimeNs> knownOffset;
    // Set: after the capture loaded, save a picture of the window here and quit.
    QString screenshot;
    // Made current once the capture loaded; the one an export draws.
    std::optional<std::uint32_t> connection;
    QString filterText; // typed into the filter bar once loaded
    std::optional<QSize> windowSize;
    // Set: after the load ends, write "loaded PATH" or "failed REASON" here
    // and quit. From --report-loaded or the TCPLADDER_REPORT_LOADED
    // environment variable, which survives being started by xdg-open.
    QString reportFile;
    // Either or both set: write the files and exit, no window.
    std::optional<ui::LadderExportSettings> ladderExport;
    std::optional<ui::ChartExportSettings> chartExport;

    bool headless() const { return ladderExport || chartExport; }
};

enum class GuiCommand { Run, Help, Version, UsageError };

struct ParsedGuiOptions {
    GuiCommand command = GuiCommand::Run;
    GuiOptions options;
    QString error; // for UsageError: one line
};

// The one parser of tcpladder's command line, for the window and for both
// headless exports. Reads argv before any QApplication exists, so --help,
// --version and usage errors need no display; Qt's own options (-platform X,
// -style X, ...) are passed over and left to QApplication. File names keep
// their bytes (format/file_path.h).
ParsedGuiOptions parseGuiOptions(int argc, const char* const* argv);
const char* guiUsageText();

} // namespace tcpladder::gui
