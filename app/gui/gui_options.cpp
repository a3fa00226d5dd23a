#include "gui_options.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace tcpladder::gui {

GuiOptions parseGuiOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Find the TCP connection that matters in a packet capture.\n\n"
        "Headless exports (no window, no display needed):\n"
        "  tcpladder CAPTURE --connection ID --export-ladder OUT.png|OUT.svg|OUT.pdf "
        "[--packets A-B] [--scale 2]\n"
        "  tcpladder CAPTURE --connection ID --export-chart OUT.png|OUT.svg "
        "[--chart seq|throughput|rtt|window]"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("CAPTURE"),
                                 QStringLiteral("A pcap or pcapng file to open."),
                                 QStringLiteral("[CAPTURE]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Once CAPTURE has loaded, save a PNG of the window to FILE and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QStringLiteral("Make connection ID current once loaded."),
                                    QStringLiteral("ID"));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    QStringLiteral("Filter the connection table by TEXT."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption size(QStringLiteral("window-size"),
                                  QStringLiteral("Open the window at WIDTHxHEIGHT pixels."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption report(
        QStringLiteral("report-loaded"),
        QStringLiteral("Once the load ends, write its outcome to FILE and quit (also "
                       "TCPLADDER_REPORT_LOADED=FILE)."),
        QStringLiteral("FILE"));
    parser.addOptions({screenshot, select, filter, size, report});
    parser.process(arguments);

    GuiOptions options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        parser.showHelp(2);
    if (!positional.isEmpty())
        options.capture = positional.front();
    options.screenshot = parser.value(screenshot);
    options.filterText = parser.value(filter);
    if (parser.isSet(select)) {
        bool ok = false;
        options.selectConnection = parser.value(select).toInt(&ok);
        if (!ok)
            parser.showHelp(2);
    }
    if (parser.isSet(size)) {
        static const QRegularExpression kSize(QStringLiteral("^(\\d+)x(\\d+)$"));
        const auto match = kSize.match(parser.value(size));
        if (!match.hasMatch())
            parser.showHelp(2);
        options.windowSize = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    options.reportFile = parser.isSet(report) ? parser.value(report)
                                              : qEnvironmentVariable("TCPLADDER_REPORT_LOADED");
    return options;
}

} // namespace tcpladder::gui
