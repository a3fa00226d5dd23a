#include "headless_exports.h"

#include "format/file_path.h"
#include "ladder/merged_ladder_export.h"
#include "load/capture_loader.h"
#include "loading/merge_engine.h"
#include "merge/two_point_loader.h"

#include <QApplication>
#include <algorithm>
#include <cstdio>

namespace tcpladder::gui {
namespace {

// Through pathToBytes, so that a file name that is not UTF-8 is printed as
// the bytes the user typed.
void printError(const QString& message) {
    std::fprintf(stderr, "tcpladder: %s\n", ui::pathToBytes(message).c_str());
}

// Two capture points: load both, merge, and draw merged connection ID.
int exportMergedLadder(const GuiOptions& options) {
    std::array<std::shared_ptr<const LoadedCapture>, 2> captures;
    for (int point = 0; point < 2; ++point) {
        auto loaded =
            loadCapture(ui::pathToBytes(point == 0 ? options.capture : options.secondCapture),
                        pointLoadOptions({}));
        if (!loaded) {
            std::fprintf(stderr, "tcpladder: %s\n", loaded.error().c_str());
            return 1;
        }
        captures[point] = std::move(loaded.value());
    }
    MergeOptions mergeOptions;
    mergeOptions.knownOffset = options.knownOffset;
    auto merged = ui::runMergeEngine(captures[0], captures[1], mergeOptions);
    if (!merged) {
        printError(
            QStringLiteral("%1 + %2: %3")
                .arg(options.capture, options.secondCapture, ui::pathFromBytes(merged.error())));
        return 1;
    }
    auto shared = std::make_shared<const MergedCapture>(std::move(merged.value()));
    const std::uint32_t connection = *options.connection;
    if (connection >= shared->connections.size()) {
        printError(QStringLiteral("%1 + %2 have no merged connection %3 (they have %4)")
                       .arg(options.capture, options.secondCapture)
                       .arg(connection)
                       .arg(shared->connections.size()));
        return 2;
    }
    const ui::LadderExportSettings& settings = *options.ladderExport;
    const auto format = ui::ladderFormatForPath(settings.output);
    ui::MergedLadderOptions ladderOptions;
    if (settings.firstFrame) {
        ladderOptions.firstPacket =
            static_cast<std::size_t>(std::max<std::uint64_t>(*settings.firstFrame, 1)) - 1;
        ladderOptions.lastPacket = static_cast<std::size_t>(*settings.lastFrame);
    }
    const ui::MergedLadderLayout layout = ui::mergedLadderLayout(shared, connection, ladderOptions);
    const ui::LadderExportResult result =
        ui::exportMergedLadder(layout, settings.output, *format, settings.scale);
    if (!result.ok) {
        printError(result.error);
        return 1;
    }
    return 0;
}

} // namespace

int runHeadlessExports(int& argc, char** argv, const GuiOptions& options) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (!options.secondCapture.isEmpty())
        return exportMergedLadder(options);
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
