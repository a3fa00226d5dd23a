#include "ladder/ladder_labels.h"

#include "decode/tcp_segment.h"
#include "format/qt_text.h"
#include "ladder/ladder_style.h"
#include "store/packet_text.h"

#include <QStringList>

namespace tcpladder::ui {

QString arrowLabel(const LadderData& data, std::size_t index) {
    const PacketRecord& packet = data.packet(index);
    QString text = toQString(flagLetters(packet.flags())) +
                   QStringLiteral("  Seq=%1").arg(packet.relativeSeq());
    if (packet.flags() & kAck)
        text += QStringLiteral(" Ack=%1").arg(packet.relativeAck());
    text += QStringLiteral(" Len=%1 Win=%2").arg(packet.payloadLength()).arg(packet.window());
    return text;
}

QString frameLabel(const LadderData& data, std::size_t index) {
    return QStringLiteral("#%1").arg(data.packet(index).frame());
}

QString relativeTimeLabel(TimeNs time) {
    if (time < kNsPerSecond && time > -kNsPerSecond)
        return QString::number(static_cast<double>(time) / 1e6, 'f', 3) + QStringLiteral(" ms");
    return QString::number(static_cast<double>(time) / 1e9, 'f', 6) + QStringLiteral(" s");
}

QString arrowTooltip(const LadderData& data, std::size_t index) {
    const PacketRecord& packet = data.packet(index);
    const bool fromClient = data.fromClient(index);
    QStringList lines;
    lines << QStringLiteral("Frame %1, %2 after the first packet")
                 .arg(packet.frame())
                 .arg(relativeTimeLabel(data.relativeTime(index)));
    lines << (fromClient ? QStringLiteral("%1 → %2") : QStringLiteral("%2 → %1"))
                 .arg(data.clientName, data.serverName);
    lines << arrowLabel(data, index);
    const auto [first, last] = data.messagesStartingAt(index);
    for (std::size_t m = first; m < last; ++m)
        lines << QStringLiteral("Starts %1 %2: %3")
                     .arg(QString::fromLatin1(protocolName(data.messages->messages[m].protocol)),
                          QString::fromLatin1(kindName(data.messages->messages[m].kind)),
                          toQString(data.messages->messages[m].label));
    if (packet.analysis()) {
        QStringList marks;
        for (const Badge& badge : badgesFor(packet.analysis()))
            marks << badge.meaning;
        lines << QStringLiteral("Analysis: ") + marks.join(QStringLiteral(", "));
    }
    if (data.estimate.known()) {
        const TimeNs time = data.relativeTime(index);
        lines << QStringLiteral("Estimated: sent %1, arrived %2")
                     .arg(relativeTimeLabel(time - data.estimate.delayFromSender(fromClient)),
                          relativeTimeLabel(time + data.estimate.delayToReceiver(fromClient)));
    }
    return lines.join(QChar('\n'));
}

} // namespace tcpladder::ui
