#include "ladder/ladder_headless_export.h"

#include "ladder/ladder_data.h"
#include "ladder/ladder_exporter.h"

namespace tcpladder::ui {

QString writeLadderExport(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                          const LadderExportSettings& settings) {
    const auto format = ladderFormatForPath(settings.output);
    if (!format)
        return QStringLiteral("%1: a ladder is written as .png, .svg or .pdf").arg(settings.output);
    const auto data = buildLadderData(std::move(capture), connection);
    LadderExportRequest request;
    request.path = settings.output;
    request.format = *format;
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
    const LadderExportResult result = exportLadder(data, request);
    return result.ok ? QString() : result.error;
}

} // namespace tcpladder::ui
