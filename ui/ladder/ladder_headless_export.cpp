#include "ladder/ladder_headless_export.h"

#include "format/output_file.h"
#include "ladder/ladder_data.h"
#include "ladder/ladder_exporter.h"
#include "ladder/ladder_text_export.h"

namespace tcpladder::ui {

QString writeLadderExport(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                          const LadderExportSettings& settings) {
    const auto format = ladderFormatForPath(settings.output);
    const auto textFormat = ladderTextFormatForPath(settings.output);
    if (!format && !textFormat)
        return QStringLiteral("%1: a ladder is written as .png, .svg, .pdf, .txt, .mmd or .puml")
            .arg(settings.output);
    auto data = buildLadderData(capture, connection);
    // No window waits on this thread, so the messages are read here; a
    // capture that cannot be re-read (a pipe) is drawn without them.
    if (auto read = readConnectionMessages(*capture, connection))
        data = withMessages(*data, std::make_shared<const LadderMessages>(placeMessages(
                                       *capture, connection, std::move(read.value()))));
    LadderExportRequest request;
    request.path = settings.output;
    request.format = format.value_or(LadderFormat::Svg);
    request.pixelRatio = settings.scale;
    request.options.slanted = !settings.flat;
    request.options.axis = settings.perPacket ? TimeAxis::PerPacket : TimeAxis::TrueTime;
    request.lastPacket = data->packetCount();
    if (settings.firstFrame && settings.lastFrame) {
        request.firstPacket = data->indexOfFrame(*settings.firstFrame);
        request.lastPacket = data->indexOfFrame(*settings.lastFrame + 1);
        if (request.firstPacket >= request.lastPacket)
            return QStringLiteral("connection %1 has no packet in frames %2-%3")
                .arg(connection)
                .arg(*settings.firstFrame)
                .arg(*settings.lastFrame);
    }
    if (textFormat) {
        // The bundles of the SVG the same command would write.
        const QString ladder = ladderText(ladderExportLayout(data, request), request.firstPacket,
                                          request.lastPacket, *textFormat);
        OutputFile file(settings.output);
        QString error;
        if (!file.open(&error))
            return error;
        file.device()->write(ladder.toUtf8());
        return file.finish(&error) ? QString() : error;
    }
    const LadderExportResult result = exportLadder(data, request);
    return result.ok ? QString() : result.error;
}

} // namespace tcpladder::ui
