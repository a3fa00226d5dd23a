#include "format/file_path.h"
#include "gui_options.h"
#include "headless_exports.h"
#include "main_window.h"
#include "startup_actions.h"

#include <QApplication>
#include <QIcon>
#include <cstdio>

namespace {

// As tcpladder-cli: text that did not reach standard output is an error.
int finishStandardOutput() {
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return 0;
    std::perror("tcpladder: cannot write standard output");
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    using tcpladder::gui::GuiCommand;
    // Before any QApplication: --help, --version and usage errors need no display.
    const tcpladder::gui::ParsedGuiOptions parsed = tcpladder::gui::parseGuiOptions(argc, argv);
    switch (parsed.command) {
    case GuiCommand::Help:
        std::fputs(tcpladder::gui::guiUsageText(), stdout);
        return finishStandardOutput();
    case GuiCommand::Version:
        std::printf("tcpladder %s\n", TCPLADDER_VERSION);
        return finishStandardOutput();
    case GuiCommand::UsageError:
        std::fprintf(stderr, "tcpladder: %s (see tcpladder --help)\n",
                     tcpladder::ui::pathToBytes(parsed.error).c_str());
        return 2;
    case GuiCommand::Run:
        break;
    }
    const tcpladder::gui::GuiOptions& options = parsed.options;
    if (options.headless())
        return tcpladder::gui::runHeadlessExports(argc, argv, options);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tcpladder"));
    QApplication::setOrganizationName(QStringLiteral("tcpladder"));
    QApplication::setApplicationVersion(QStringLiteral(TCPLADDER_VERSION));
    // Matches the installed tcpladder.desktop, so Wayland compositors and
    // task bars find the icon and group the windows.
    QApplication::setDesktopFileName(QStringLiteral("tcpladder"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("tcpladder"),
                                                 QIcon(QStringLiteral(":/icons/tcpladder.svg"))));

    tcpladder::ui::MainWindow window;
    if (options.windowSize)
        window.resize(*options.windowSize);
    new tcpladder::gui::StartupActions(&window, options);
    window.show();
    window.setKnownOffset(options.knownOffset);
    if (!options.secondCapture.isEmpty())
        window.openCaptures(options.capture, options.secondCapture);
    else if (!options.capture.isEmpty())
        window.openCapture(options.capture);
    return QApplication::exec();
}
