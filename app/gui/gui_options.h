#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

namespace tcpladder::gui {

struct GuiOptions {
    QString capture; // opened at start; empty: none
    // Set: after the capture loaded, save a picture of the window here and quit.
    QString screenshot;
    std::optional<int> selectConnection; // made current once the capture loaded
    QString filterText;                  // typed into the filter bar once loaded
    std::optional<QSize> windowSize;
    // Set: after the load ends, write "loaded PATH" or "failed PATH: REASON"
    // here and quit. From --report-loaded or the TCPLADDER_REPORT_LOADED
    // environment variable, which survives being started by xdg-open.
    QString reportFile;
};

// Parses the command line of a QApplication; exits with usage on error.
GuiOptions parseGuiOptions(const QStringList& arguments);

} // namespace tcpladder::gui
