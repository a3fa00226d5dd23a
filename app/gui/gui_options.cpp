#include "gui_options.h"

#include "chart/chart_export.h"
#include "format/file_path.h"
#include "ladder/ladder_exporter.h"
#include "ladder/ladder_text_export.h"

#include <QRegularExpression>
#include <array>
#include <cmath>
#include <string_view>

namespace tcpladder::gui {
namespace {

// Options QGuiApplication and QApplication take themselves, with one or two dashes.
constexpr std::array<std::string_view, 15> kQtOptionsWithValue = {
    "platform",        "platformpluginpath",
    "platformtheme",   "plugin",
    "qwindowgeometry", "qwindowicon",
    "qwindowtitle",    "display",
    "geometry",        "style",
    "stylesheet",      "session",
    "title",           "visual",
    "qmljsdebugger"};
constexpr std::array<std::string_view, 5> kQtFlags = {"reverse", "widgetcount", "nograb", "dograb",
                                                      "sync"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    for (const std::string_view known : names)
        if (known == name)
            return true;
    return false;
}

std::optional<QSize> parseSize(const QString& text) {
    static const QRegularExpression kSize(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const auto match = kSize.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

// Everything given, before checking that it fits together.
struct Given {
    GuiOptions options;
    QString ladderOutput;
    QString chartOutput;
    std::optional<double> scale;
    QStringList ladderOnly; // options that only make sense with --export-ladder
    QStringList chartOnly;
    QStringList windowOnly;
    ui::LadderExportSettings ladder;
    ui::ChartExportSettings chart;
};

// One option and its value; an empty string when fine, else the usage error.
QString apply(Given& given, std::string_view name, const QString& value) {
    GuiOptions& options = given.options;
    const QString option = QStringLiteral("--") + QString::fromUtf8(name.data(), name.size());
    bool ok = true;
    if (name == "connection" || name == "select") {
        const uint id = value.toUInt(&ok);
        if (!ok)
            return option + QStringLiteral(" needs a connection number, not '%1'").arg(value);
        options.connection = id;
    } else if (name == "offset") {
        // Seconds, as tcpladder-cli's --offset.
        const double seconds = value.toDouble(&ok);
        if (!ok || std::abs(seconds) > 1e6)
            return QStringLiteral("--offset is seconds (point 2's clock minus point 1's), "
                                  "not '%1'")
                .arg(value);
        options.knownOffset = static_cast<TimeNs>(std::llround(seconds * 1e9));
    } else if (name == "screenshot") {
        options.screenshot = value;
        given.windowOnly << option;
    } else if (name == "filter") {
        options.filterText = value;
        given.windowOnly << option;
    } else if (name == "window-size") {
        options.windowSize = parseSize(value);
        if (!options.windowSize)
            return QStringLiteral("--window-size is WIDTHxHEIGHT, not '%1'").arg(value);
        given.windowOnly << option;
    } else if (name == "report-loaded") {
        options.reportFile = value;
        given.windowOnly << option;
    } else if (name == "export-ladder") {
        given.ladderOutput = value;
    } else if (name == "export-chart") {
        given.chartOutput = value;
    } else if (name == "scale") {
        given.scale = value.toDouble(&ok);
        if (!ok || *given.scale < 0.5 || *given.scale > 4)
            return QStringLiteral("--scale is a number from 0.5 to 4, not '%1'").arg(value);
    } else if (name == "packets") {
        static const QRegularExpression kRange(QStringLiteral("^(\\d+)-(\\d+)$"));
        const auto match = kRange.match(value);
        if (!match.hasMatch() || match.captured(1).toULongLong() > match.captured(2).toULongLong())
            return QStringLiteral("--packets is FIRST-LAST (frame numbers), not '%1'").arg(value);
        given.ladder.firstFrame = match.captured(1).toULongLong();
        given.ladder.lastFrame = match.captured(2).toULongLong();
        given.ladderOnly << option;
    } else if (name == "flat") {
        given.ladder.flat = true;
        given.ladderOnly << option;
    } else if (name == "per-packet") {
        given.ladder.perPacket = true;
        given.ladderOnly << option;
    } else if (name == "chart") {
        static const QStringList kKinds = {QStringLiteral("seq"), QStringLiteral("throughput"),
                                           QStringLiteral("rtt"), QStringLiteral("window")};
        const qsizetype kind = kKinds.indexOf(value);
        if (kind < 0)
            return QStringLiteral("--chart is one of seq, throughput, rtt, window, not '%1'")
                .arg(value);
        given.chart.kind = static_cast<ui::ChartKind>(kind);
        given.chartOnly << option;
    } else if (name == "direction") {
        const QString side = value.toLower();
        if (side != QLatin1String("auto") && side != QLatin1String("a") &&
            side != QLatin1String("b"))
            return QStringLiteral("--direction is a, b or auto, not '%1'").arg(value);
        given.chart.direction = side == QLatin1String("a")   ? 0
                                : side == QLatin1String("b") ? 1
                                                             : -1;
        given.chartOnly << option;
    } else if (name == "size") {
        const auto size = parseSize(value);
        if (!size || size->width() < 200 || size->height() < 150 || size->width() > 8000 ||
            size->height() > 8000)
            return QStringLiteral("--size is WIDTHxHEIGHT, from 200x150 to 8000x8000, not '%1'")
                .arg(value);
        given.chart.size = *size;
        given.chartOnly << option;
    } else if (name == "range") {
        const QStringList parts = value.split(QChar(':'));
        bool fromOk = false;
        bool toOk = false;
        const double from = parts.size() == 2 ? parts[0].toDouble(&fromOk) : 0;
        const double to = parts.size() == 2 ? parts[1].toDouble(&toOk) : 0;
        if (!fromOk || !toOk || from < 0 || to <= from)
            return QStringLiteral("--range is FROM:TO in seconds since the connection's start");
        given.chart.from = static_cast<TimeNs>(from * 1e9);
        given.chart.to = static_cast<TimeNs>(to * 1e9);
        given.chartOnly << option;
    }
    return {};
}

bool takesValue(std::string_view name) {
    return name != "flat" && name != "per-packet";
}

bool isOption(std::string_view name) {
    static constexpr std::array<std::string_view, 19> kNames = {
        "connection",    "select",        "screenshot",   "filter",    "window-size",
        "report-loaded", "export-ladder", "export-chart", "scale",     "packets",
        "flat",          "per-packet",    "chart",        "direction", "size",
        "range",         "help",          "version",      "offset"};
    return contains(kNames, name);
}

// The combinations that make sense; the first that does not, as a usage error.
QString finish(Given& given) {
    GuiOptions& options = given.options;
    const bool ladder = !given.ladderOutput.isEmpty();
    const bool chart = !given.chartOutput.isEmpty();
    const bool merged = !options.secondCapture.isEmpty();
    if (options.knownOffset && !merged)
        return QStringLiteral("--offset goes with two capture files");
    if (merged && chart)
        return QStringLiteral("--export-chart takes one capture file; the merged ladder exports "
                              "with --export-ladder");
    // --packets, with two captures, counts the merged packets (1 = the first).
    QStringList oneCaptureOnly = given.ladderOnly;
    oneCaptureOnly.removeAll(QStringLiteral("--packets"));
    if (!options.filterText.isEmpty())
        oneCaptureOnly.prepend(QStringLiteral("--filter"));
    if (merged && !oneCaptureOnly.isEmpty())
        return oneCaptureOnly.front() + QStringLiteral(" takes one capture file");
    if (merged && ladder && !ui::ladderFormatForPath(given.ladderOutput))
        return QStringLiteral("the merged ladder exports as .png, .svg or .pdf, not '%1'")
            .arg(given.ladderOutput);
    if (!ladder && !given.ladderOnly.isEmpty())
        return given.ladderOnly.front() + QStringLiteral(" goes with --export-ladder");
    if (!chart && !given.chartOnly.isEmpty())
        return given.chartOnly.front() + QStringLiteral(" goes with --export-chart");
    if (!ladder && !chart && given.scale)
        return QStringLiteral("--scale goes with --export-ladder or --export-chart");
    if (!ladder && !chart)
        return {};
    if (!given.windowOnly.isEmpty())
        return given.windowOnly.front() + QStringLiteral(" does not go with an export");
    if (options.capture.isEmpty() || !options.connection)
        return QStringLiteral("an export needs a capture file and --connection ID");
    if (ladder && !ui::ladderFormatForPath(given.ladderOutput) &&
        !ui::ladderTextFormatForPath(given.ladderOutput))
        return QStringLiteral(
                   "--export-ladder writes .png, .svg, .pdf, .txt, .mmd or .puml, not '%1'")
            .arg(given.ladderOutput);
    if (chart && !ui::chartFormatForPath(given.chartOutput))
        return QStringLiteral("--export-chart writes .png or .svg, not '%1'")
            .arg(given.chartOutput);
    if (ladder) {
        given.ladder.output = given.ladderOutput;
        given.ladder.scale = given.scale.value_or(1);
        options.ladderExport = given.ladder;
    }
    if (chart) {
        given.chart.output = given.chartOutput;
        given.chart.scale = given.scale.value_or(1);
        options.chartExport = given.chart;
    }
    return {};
}

ParsedGuiOptions usageError(QString message) {
    return {GuiCommand::UsageError, {}, std::move(message)};
}

} // namespace

ParsedGuiOptions parseGuiOptions(int argc, const char* const* argv) {
    Given given;
    bool optionsEnded = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (optionsEnded || !arg.starts_with('-') || arg == "-") {
            if (!given.options.secondCapture.isEmpty())
                return usageError(QStringLiteral(
                    "more than two capture files given (two are two capture points)"));
            (given.options.capture.isEmpty() ? given.options.capture
                                             : given.options.secondCapture) =
                ui::pathFromBytes(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg == "-h" || arg == "--help")
            return {GuiCommand::Help, {}, {}};
        if (arg == "-v" || arg == "--version")
            return {GuiCommand::Version, {}, {}};
        std::string_view name = arg.substr(arg.starts_with("--") ? 2 : 1);
        std::optional<std::string_view> value;
        if (const auto equals = name.find('='); equals != std::string_view::npos) {
            value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        if (!arg.starts_with("--") || !isOption(name)) {
            if (contains(kQtOptionsWithValue, name)) {
                i += value ? 0 : 1;
                continue;
            }
            if (contains(kQtFlags, name))
                continue;
            return usageError(QStringLiteral("unknown option '%1'").arg(ui::pathFromBytes(arg)));
        }
        if (!takesValue(name)) {
            if (value)
                return usageError(QStringLiteral("--%1 takes no value")
                                      .arg(QString::fromUtf8(name.data(), name.size())));
        } else if (!value) {
            if (i + 1 >= argc)
                return usageError(QStringLiteral("--%1 needs a value")
                                      .arg(QString::fromUtf8(name.data(), name.size())));
            value = std::string_view(argv[++i]);
        }
        if (const QString error = apply(given, name, ui::pathFromBytes(value.value_or("")));
            !error.isEmpty())
            return usageError(error);
    }
    if (given.options.reportFile.isEmpty())
        given.options.reportFile = qEnvironmentVariable("TCPLADDER_REPORT_LOADED");
    if (const QString error = finish(given); !error.isEmpty())
        return usageError(error);
    return {GuiCommand::Run, given.options, {}};
}

const char* guiUsageText() {
    return "usage: tcpladder [OPTIONS] [--] [CAPTURE [SECOND-CAPTURE]]\n"
           "       tcpladder CAPTURE --connection ID --export-ladder "
           "OUT.png|.svg|.pdf|.txt|.mmd|.puml\n"
           "                 [--packets FIRST-LAST] [--scale N] [--flat] [--per-packet]\n"
           "                 [--export-chart OUT.png|OUT.svg] [--chart seq|throughput|rtt|window]\n"
           "                 [--direction a|b|auto] [--size WxH] [--range FROM:TO]\n"
           "\n"
           "Find the TCP connection that matters in a packet capture (pcap or pcapng).\n"
           "Two captures are two capture points of the same traffic (client side and\n"
           "server side): they are merged, and the ladder shows each packet between them.\n"
           "\n"
           "The window:\n"
           "  --connection ID       make connection ID current once loaded (also --select)\n"
           "  --filter TEXT         filter the connection table by TEXT\n"
           "  --window-size WxH     open the window at WIDTHxHEIGHT pixels\n"
           "  --screenshot FILE     once loaded, save a PNG of the window to FILE and quit\n"
           "  --offset SECONDS      with two captures: point 2's clock minus point 1's,\n"
           "                        instead of the estimate from the packets\n"
           "  --report-loaded FILE  once the load ends, write its outcome to FILE and quit\n"
           "                        (also TCPLADDER_REPORT_LOADED=FILE)\n"
           "\n"
           "Headless exports (no window, no display needed; both in one run if asked):\n"
           "  --export-ladder FILE  the ladder of connection ID as PNG, SVG or PDF, or as\n"
           "                        text, Mermaid (.mmd) or PlantUML (.puml)\n"
           "  --packets FIRST-LAST  only frames FIRST to LAST, as the ladder numbers them;\n"
           "                        with two captures, merged packets FIRST to LAST in the\n"
           "                        order tcpladder-cli packets A B lists them (1 = first)\n"
           "  --flat                arrows at capture time, not estimated send and arrival\n"
           "  --per-packet          one row per packet instead of true time\n"
           "  --export-chart FILE   a chart of connection ID as PNG or SVG\n"
           "  --chart KIND          seq (default), throughput, rtt or window\n"
           "  --direction SIDE      a, b or auto (the side that sent more)\n"
           "  --size WxH            chart size in pixels (default 1200x720)\n"
           "  --range FROM:TO       seconds since the connection's first packet\n"
           "  --scale N             pixel ratio of a PNG, 0.5 to 4 (default 1)\n"
           "\n"
           "  -h, --help            this text\n"
           "  -v, --version         the version\n"
           "  --                    ends the options: a CAPTURE may begin with '-'\n"
           "\n"
           "Exit status: 0 success; 1 the capture could not be read or a file could not be\n"
           "written; 2 usage error, or no connection ID in the capture.\n";
}

} // namespace tcpladder::gui
