#include "headless_exports.h"

#include "format/file_path.h"
#include "load/capture_loader.h"

#include <QApplication>
#include <cstdio>

namespace tcpladder::gui {
namespace {

// Through pathToBytes, so that a file name that is not UTF-8 is printed as
// the bytes the user typed.
void printError(const QString& message) {
    std::fprintf(stderr, "tcpladder: %s\n", ui::pathToBytes(message).c_str());
}

} // namespace

int runHeadlessExports(int& argc, char** argv, const GuiOptions& options) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    auto loaded = loadCapture(ui::pathToBytes(options.capture));
    if (!loaded) {
        std::fprintf(stderr, "tcpladder: %s\n", loaded.error().c_str());
        return 1;
    }
    std::shared_ptr<const LoadedCapture> capture = std::move(loaded.value());
    const std::uint32_t connection = *options.connection;
    if (connection >= capture->connections.size()) {
        printError(QStringLiteral("%1 has no connection %2 (it has %3)")
                       .arg(options.capture)
                       .arg(connection)
                       .arg(capture->connections.size()));
        return 2;
    }
    int status = 0;
    if (options.ladderExport) {
        if (const QString error = ui::writeLadderExport(capture, connection, *options.ladderExport);
            !error.isEmpty()) {
            printError(error);
            status = 1;
        }
    }
    if (options.chartExport) {
        if (const QString error = ui::writeChartExport(capture, connection, *options.chartExport);
            !error.isEmpty()) {
            printError(error);
            status = 1;
        }
    }
    return status;
}

} // namespace tcpladder::gui
