#include "ladder/ladder_headless_export.h"

#include "ladder/ladder_exporter.h"
#include "ladder/ladder_text_export.h"
#include "load/capture_loader.h"

#include <QFile>
#include <QRegularExpression>
#include <cstdio>
#include <cstring>

namespace tcpladder::ui {
namespace {

const char* const kOption = "--export-ladder";

const char* const kUsage =
    "usage: tcpladder CAPTURE --connection ID --export-ladder "
    "OUT.png|OUT.svg|OUT.pdf|OUT.txt|OUT.mmd|OUT.puml\n"
    "                 [--packets FIRST-LAST] [--scale 1|2] [--flat] [--per-packet]\n"
    "  --packets  frame numbers, inclusive, as the ladder labels them\n"
    "  --scale    pixel ratio of a PNG\n"
    "  --flat     arrows at capture time instead of estimated send and arrival\n"
    "  --per-packet  one row per packet instead of true time\n";

int fail(const QString& message, int code = 1) {
    std::fprintf(stderr, "tcpladder: %s\n", qPrintable(message));
    if (code == 2)
        std::fputs(kUsage, stderr);
    return code;
}

} // namespace

bool wantsLadderExport(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], kOption) == 0)
            return true;
    return false;
}

bool wantsLadderExport(const QStringList& arguments) {
    return arguments.contains(QLatin1String(kOption));
}

void prepareLadderExportPlatform(int argc, const char* const* argv) {
    if (wantsLadderExport(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

std::optional<LadderExportCommand> parseLadderExportCommand(const QStringList& arguments,
                                                            QString* error) {
    LadderExportCommand command;
    const auto needValue = [&](qsizetype i) {
        if (i + 1 < arguments.size())
            return true;
        *error = arguments[i] + QStringLiteral(" needs a value");
        return false;
    };
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        bool ok = true;
        if (argument == QLatin1String("--connection")) {
            if (!needValue(i))
                return std::nullopt;
            command.connection = arguments[++i].toInt(&ok);
            ok = ok && command.connection >= 0;
        } else if (argument == QLatin1String(kOption)) {
            if (!needValue(i))
                return std::nullopt;
            command.output = arguments[++i];
        } else if (argument == QLatin1String("--packets")) {
            if (!needValue(i))
                return std::nullopt;
            static const QRegularExpression range(QStringLiteral("^(\\d+)-(\\d+)$"));
            const auto match = range.match(arguments[++i]);
            ok = match.hasMatch() &&
                 match.captured(1).toULongLong() <= match.captured(2).toULongLong();
            if (ok) {
                command.firstFrame = match.captured(1).toULongLong();
                command.lastFrame = match.captured(2).toULongLong();
            }
        } else if (argument == QLatin1String("--scale")) {
            if (!needValue(i))
                return std::nullopt;
            command.scale = arguments[++i].toDouble(&ok);
            ok = ok && command.scale >= 0.5 && command.scale <= 4;
        } else if (argument == QLatin1String("--flat")) {
            command.flat = true;
        } else if (argument == QLatin1String("--per-packet")) {
            command.perPacket = true;
        } else if (argument.startsWith(QLatin1String("--")) || !command.capture.isEmpty()) {
            *error = QStringLiteral("unexpected argument %1").arg(argument);
            return std::nullopt;
        } else {
            command.capture = argument;
        }
        if (!ok) {
            *error = QStringLiteral("bad value for %1: %2").arg(argument, arguments[i]);
            return std::nullopt;
        }
    }
    if (command.capture.isEmpty() || command.output.isEmpty() || command.connection < 0) {
        *error = QStringLiteral("a capture, --connection and --export-ladder are needed");
        return std::nullopt;
    }
    if (!ladderFormatForPath(command.output) && !ladderTextFormatForPath(command.output)) {
        *error = QStringLiteral("the output must end in .png, .svg, .pdf, .txt, .mmd or .puml");
        return std::nullopt;
    }
    return command;
}

int runLadderExport(const QStringList& arguments) {
    QString error;
    const auto command = parseLadderExportCommand(arguments, &error);
    if (!command)
        return fail(error, 2);
    auto loaded = loadCapture(command->capture.toStdString());
    if (!loaded)
        return fail(
            QStringLiteral("%1: %2").arg(command->capture, QString::fromStdString(loaded.error())));
    std::shared_ptr<const LoadedCapture> capture = std::move(loaded.value());
    if (static_cast<std::size_t>(command->connection) >= capture->connections.size())
        return fail(QStringLiteral("no connection %1 (the capture has %2)")
                        .arg(command->connection)
                        .arg(capture->connections.size()));
    const auto data = buildLadderData(capture, static_cast<std::uint32_t>(command->connection));
    LadderExportRequest request;
    request.path = command->output;
    request.format = ladderFormatForPath(command->output).value_or(LadderFormat::Svg);
    request.pixelRatio = command->scale;
    request.options.slanted = !command->flat;
    request.options.axis = command->perPacket ? TimeAxis::PerPacket : TimeAxis::TrueTime;
    request.lastPacket = data->packetCount();
    if (command->firstFrame) {
        request.firstPacket = data->indexOfFrame(*command->firstFrame);
        request.lastPacket = data->indexOfFrame(*command->lastFrame + 1);
        if (request.firstPacket >= request.lastPacket)
            return fail(QStringLiteral("connection %1 has no packet in frames %2-%3")
                            .arg(command->connection)
                            .arg(*command->firstFrame)
                            .arg(*command->lastFrame));
    }
    if (const auto text = ladderTextFormatForPath(command->output)) {
        // The bundles of the SVG the same command would write.
        const QString ladder = ladderText(ladderExportLayout(data, request), request.firstPacket,
                                          request.lastPacket, *text);
        QFile file(command->output);
        if (!file.open(QIODevice::WriteOnly) || file.write(ladder.toUtf8()) < 0 || !file.flush())
            return fail(QStringLiteral("cannot write %1").arg(command->output));
        return 0;
    }
    const LadderExportResult result = exportLadder(data, request);
    if (!result.ok)
        return fail(result.error);
    return 0;
}

} // namespace tcpladder::ui
