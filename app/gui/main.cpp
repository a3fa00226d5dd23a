#include "chart/headless_chart_export.h"
#include "gui_options.h"
#include "ladder/ladder_headless_export.h"
#include "main_window.h"
#include "startup_actions.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char** argv) {
    // Headless exports write a file and exit without a window, display or not.
    if (tcpladder::ui::wantsChartExport(argc, argv))
        return tcpladder::ui::chartExportMain(argc, argv);
    tcpladder::ui::prepareLadderExportPlatform(argc, argv);
    QApplication app(argc, argv);
    if (tcpladder::ui::wantsLadderExport(QApplication::arguments()))
        return tcpladder::ui::runLadderExport(QApplication::arguments());
    QApplication::setApplicationName(QStringLiteral("tcpladder"));
    QApplication::setOrganizationName(QStringLiteral("tcpladder"));
    QApplication::setApplicationVersion(QStringLiteral(TCPLADDER_VERSION));
    // Matches the installed tcpladder.desktop, so Wayland compositors and
    // task bars find the icon and group the windows.
    QApplication::setDesktopFileName(QStringLiteral("tcpladder"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("tcpladder"),
                                                 QIcon(QStringLiteral(":/icons/tcpladder.svg"))));

    const tcpladder::gui::GuiOptions options =
        tcpladder::gui::parseGuiOptions(QApplication::arguments());
    tcpladder::ui::MainWindow window;
    if (options.windowSize)
        window.resize(*options.windowSize);
    new tcpladder::gui::StartupActions(&window, options);
    window.show();
    if (!options.capture.isEmpty())
        window.openCapture(options.capture);
    return QApplication::exec();
}
