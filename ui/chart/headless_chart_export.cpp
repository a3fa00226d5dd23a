#include "chart/headless_chart_export.h"

#include "chart/chart_builder.h"
#include "chart/chart_canvas.h"
#include "chart/chart_drawing.h"
#include "chart/chart_export.h"
#include "chart/throughput_series.h"
#include "format/qt_text.h"
#include "load/capture_loader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <cstring>

namespace tcpladder::ui {
namespace {

struct ExportOptions {
    QString capture;
    QString output;
    std::uint32_t connection = 0;
    ChartKind kind = ChartKind::Sequence;
    int direction = -1; // -1: the busier side
    QSize size{1200, 720};
    double scale = 1;
    TimeNs from = 0; // since the connection's first packet; to <= from: its end
    TimeNs to = 0;
};

int fail(int status, const QString& message) {
    QTextStream(stderr) << "tcpladder: " << message << '\n';
    return status;
}

QString parse(const QStringList& arguments, ExportOptions& options) {
    QCommandLineParser parser;
    const QCommandLineOption connection(QStringLiteral("connection"), {}, QStringLiteral("ID"));
    const QCommandLineOption output(QStringLiteral("export-chart"), {}, QStringLiteral("FILE"));
    const QCommandLineOption chart(QStringLiteral("chart"), {}, QStringLiteral("KIND"),
                                   QStringLiteral("seq"));
    const QCommandLineOption direction(QStringLiteral("direction"), {}, QStringLiteral("SIDE"),
                                       QStringLiteral("auto"));
    const QCommandLineOption size(QStringLiteral("size"), {}, QStringLiteral("WxH"),
                                  QStringLiteral("1200x720"));
    const QCommandLineOption scale(QStringLiteral("scale"), {}, QStringLiteral("N"),
                                   QStringLiteral("1"));
    const QCommandLineOption range(QStringLiteral("range"), {}, QStringLiteral("FROM:TO"));
    parser.addOptions({connection, output, chart, direction, size, scale, range});
    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.positionalArguments().size() != 1)
        return QStringLiteral("give exactly one capture file");
    options.capture = parser.positionalArguments().front();
    options.output = parser.value(output);
    if (options.output.isEmpty())
        return QStringLiteral("--export-chart needs a file name");
    bool ok = false;
    options.connection = parser.value(connection).toUInt(&ok);
    if (!ok)
        return QStringLiteral("--connection needs a connection number");
    static const QStringList kKinds = {QStringLiteral("seq"), QStringLiteral("throughput"),
                                       QStringLiteral("rtt"), QStringLiteral("window")};
    const qsizetype kind = kKinds.indexOf(parser.value(chart));
    if (kind < 0)
        return QStringLiteral("--chart is one of seq, throughput, rtt, window");
    options.kind = static_cast<ChartKind>(kind);
    const QString side = parser.value(direction).toLower();
    if (side != QLatin1String("auto") && side != QLatin1String("a") && side != QLatin1String("b"))
        return QStringLiteral("--direction is a, b or auto");
    options.direction = side == QLatin1String("a") ? 0 : side == QLatin1String("b") ? 1 : -1;
    const QStringList wh = parser.value(size).split(QChar('x'));
    const int width = wh.size() == 2 ? wh[0].toInt() : 0;
    const int height = wh.size() == 2 ? wh[1].toInt() : 0;
    if (width < 200 || height < 150 || width > 8000 || height > 8000)
        return QStringLiteral("--size is WIDTHxHEIGHT, from 200x150 to 8000x8000");
    options.size = QSize(width, height);
    options.scale = parser.value(scale).toDouble(&ok);
    if (!ok || options.scale < 0.5 || options.scale > 4)
        return QStringLiteral("--scale is a number from 0.5 to 4");
    if (parser.isSet(range)) {
        const QStringList parts = parser.value(range).split(QChar(':'));
        bool fromOk = false;
        bool toOk = false;
        const double from = parts.size() == 2 ? parts[0].toDouble(&fromOk) : 0;
        const double to = parts.size() == 2 ? parts[1].toDouble(&toOk) : 0;
        if (!fromOk || !toOk || from < 0 || to <= from)
            return QStringLiteral("--range is FROM:TO in seconds since the connection's start");
        options.from = static_cast<TimeNs>(from * 1e9);
        options.to = static_cast<TimeNs>(to * 1e9);
    }
    return {};
}

} // namespace

bool wantsChartExport(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--export-chart") == 0 ||
            std::strncmp(argv[i], "--export-chart=", 15) == 0)
            return true;
    return false;
}

int chartExportMain(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return runChartExport(QApplication::arguments());
}

int runChartExport(const QStringList& arguments) {
    ExportOptions options;
    if (const QString error = parse(arguments, options); !error.isEmpty())
        return fail(2, error);
    auto loaded = loadCapture(options.capture.toStdString());
    if (!loaded)
        return fail(1, options.capture + QStringLiteral(": ") + toQString(loaded.error()));
    std::shared_ptr<const LoadedCapture> capture = loaded.value();
    if (options.connection >= capture->connections.size())
        return fail(1, QStringLiteral("%1: no connection %2 (the capture has %3)")
                           .arg(options.capture)
                           .arg(options.connection)
                           .arg(capture->connections.size()));

    ConnectionChartData data(capture, options.connection);
    const Side sender =
        options.direction < 0 ? data.busierSide() : static_cast<Side>(options.direction);
    ChartCanvas canvas;
    canvas.resize(options.size);
    // Twice: the first drawing sizes the axis labels, which moves the plot area.
    for (int pass = 0; pass < 2; ++pass) {
        canvas.layoutNow();
        ChartRequest request = data.request(sender);
        request.throughputWindow = automaticThroughputWindow(data.duration());
        if (options.to > options.from) {
            request.begin = options.from;
            request.end = options.to;
        }
        drawChart(canvas, data, request, options.kind);
    }
    canvas.layoutNow();
    QString error;
    if (!exportChart(canvas, options.output, options.scale, &error))
        return fail(1, error);
    return 0;
}

} // namespace tcpladder::ui
