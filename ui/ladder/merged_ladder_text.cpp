#include "ladder/merged_ladder_text.h"

#include "format/qt_text.h"
#include "format/units.h"
#include "ladder/ladder_style.h"
#include "merged/merged_sides.h"
#include "store/packet_text.h"
#include "tcp/analysis_flags.h"

namespace tcpladder::ui {
namespace {

const QColor kLossColor{0xc6, 0x28, 0x28};
const QColor kResentColor{0xe6, 0x51, 0x00};
const QColor kReceiverOnlyColor{0x6a, 0x1b, 0x9a};

} // namespace

QString fateText(PacketFate fate) {
    switch (fate) {
    case PacketFate::SeenAtBoth:
    case PacketFate::OnePointOnly:
        return {};
    case PacketFate::LostBetween:
        return QObject::tr("lost between the points");
    case PacketFate::OnlyAtReceiver:
        return QObject::tr("only at the receiver side");
    case PacketFate::ResentAfterLoss:
        return QObject::tr("resent after a loss between the points");
    }
    return {};
}

MergedLabelText mergedLabelText(const MergedCapture& merged, const MergedConnection& connection,
                                std::size_t index, TimeNs origin) {
    const MergedPacket& packet = connection.packets[index];
    MergedLabelText text;
    QStringList frames;
    for (int point = 0; point < 2; ++point) {
        const PacketRecord* record = recordIfSeen(merged, connection, packet, point);
        frames << (record ? QStringLiteral("#%1").arg(record->frame()) : QStringLiteral("–"));
    }
    text.frames = frames.join(QStringLiteral(" | "));

    const int from = drawnSenderPoint(merged, connection, packet.sender);
    const int seen = packet.seenAt(from) ? from : otherPoint(from);
    const PacketRecord* record = recordIfSeen(merged, connection, packet, seen);
    const double ms = static_cast<double>(packet.time[seen] - origin) / 1e6;
    QString fields = QStringLiteral("  %1 ms").arg(ms, 0, 'f', 3);
    if (record) {
        // Relative to the first-seen point's sequence bases, whichever point saw it.
        fields += QStringLiteral("  %1 seq %2 len %3")
                      .arg(toQString(flagLetters(record->flags())))
                      .arg(mergedRelativeSeq(merged, connection, packet))
                      .arg(record->payloadLength());
    }
    if (packet.seenAt(from) && packet.seenAt(otherPoint(from)) && connection.clientPoint >= 0)
        fields += QStringLiteral("  ⟶ %1").arg(
            formatDuration(packet.time[otherPoint(from)] - packet.time[from]));
    text.fields = fields;

    text.finding = fateText(packet.fate);
    switch (packet.fate) {
    case PacketFate::LostBetween:
        text.findingColor = kLossColor;
        break;
    case PacketFate::ResentAfterLoss:
        text.findingColor = kResentColor;
        break;
    default:
        text.findingColor = kReceiverOnlyColor;
        break;
    }
    if (packet.oneSidedDisagrees) {
        // What the receiver-side capture alone called it, next to the truth.
        const std::uint16_t analysis = receiverSideAnalysis(merged, connection, packet);
        const QString words = analysis ? toQString(analysisWords(analysis)) : QString();
        const QString note = words.isEmpty() ? QObject::tr("one-sided analysis differs")
                                             : QObject::tr("one-sided: %1").arg(words);
        text.finding = text.finding.isEmpty() ? note : text.finding + QStringLiteral("; ") + note;
        if (packet.fate == PacketFate::SeenAtBoth)
            text.findingColor = kResentColor;
    }
    return text;
}

} // namespace tcpladder::ui
