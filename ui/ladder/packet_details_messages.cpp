#include "ladder/packet_details_messages.h"

#include "format/qt_text.h"
#include "format/units.h"

namespace tcpladder::ui {

std::vector<DetailsSection> describeMessages(const LadderMessages& messages, std::size_t index,
                                             bool fromClient) {
    std::vector<DetailsSection> sections;
    for (std::size_t m : messages.carriedBy(index, fromClient)) {
        const Message& message = messages.messages[m];
        DetailsSection section;
        section.title =
            QStringLiteral("%1 %2").arg(QString::fromLatin1(protocolName(message.protocol)),
                                        QString::fromLatin1(kindName(message.kind)));
        auto& fields = section.fields;
        fields.emplace_back(QStringLiteral("Message"), toQString(message.label));
        fields.emplace_back(
            QStringLiteral("Frames"),
            message.firstFrame == message.lastFrame
                ? QStringLiteral("#%1").arg(message.firstFrame)
                : QStringLiteral("#%1–#%2").arg(message.firstFrame).arg(message.lastFrame));
        fields.emplace_back(
            QStringLiteral("Stream bytes"),
            QStringLiteral("%1 from offset %2")
                .arg(formatCount(message.length), formatCount(message.streamOffset)));
        for (const MessageField& field : message.fields)
            fields.emplace_back(toQString(field.name), toQString(field.value));
        if (message.thinkTime >= 0)
            fields.emplace_back(QStringLiteral("Server think time"),
                                formatDuration(message.thinkTime));
        if (message.timeToLastByte >= 0)
            fields.emplace_back(QStringLiteral("Time to last byte"),
                                formatDuration(message.timeToLastByte));
        if (message.truncated)
            fields.emplace_back(QStringLiteral("Truncated"),
                                QStringLiteral("the capture lacks some of its bytes"));
        sections.push_back(std::move(section));
    }
    return sections;
}

} // namespace tcpladder::ui
