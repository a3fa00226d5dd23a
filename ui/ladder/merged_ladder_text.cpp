#include "ladder/merged_ladder_text.h"

#include "format/qt_text.h"
#include "format/units.h"
#include "ladder/ladder_style.h"
#include "merged/merge_summary_text.h"
#include "merged/merged_sides.h"
#include "store/packet_text.h"
#include "tcp/analysis_flags.h"

namespace tcpladder::ui {
namespace {

const QColor kLossColor{0xc6, 0x28, 0x28};
const QColor kResentColor{0xe6, 0x51, 0x00};
const QColor kReceiverOnlyColor{0x6a, 0x1b, 0x9a};

// "10.0.0.1:40000 → 10.0.0.2:80", client first.
QString endpointsText(const MergedCapture& merged, const MergedConnection& connection) {
    const Connection& reference = firstSeenConnection(merged, connection);
    const Side client = reference.clientSide();
    return QStringLiteral("%1 → %2").arg(endpointText(reference.endpoints[client]),
                                         endpointText(reference.endpoints[1 - client]));
}

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
    if (const auto delay = oneWayDelay(merged, connection, packet))
        fields += QStringLiteral("  ⟶ %1").arg(formatDuration(*delay));
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

LadderTitle mergedLadderTitle(const MergedCapture& merged, const MergedConnection& connection,
                              std::size_t first, std::size_t last) {
    LadderTitle title;
    title.file = mergeTitleText(merged);
    title.connection = QObject::tr("Merged connection %1: %2")
                           .arg(connection.id)
                           .arg(endpointsText(merged, connection));
    last = std::min(last, connection.packets.size());
    title.range = QObject::tr("merged packets %1–%2 of %3")
                      .arg(std::min(first, last) + 1)
                      .arg(last)
                      .arg(connection.packets.size());
    if (!connection.bothSides()) {
        title.facts = QObject::tr("seen at one point only");
        return title;
    }
    const Side client = mergedClientSide(merged, connection);
    const Side server = client == kSideA ? kSideB : kSideA;
    QStringList facts;
    facts << QObject::tr("lost between the points: %1 to the server, %2 to the client")
                 .arg(connection.lostBetween[client])
                 .arg(connection.lostBetween[server]);
    for (const auto& [side, words] : {std::pair{client, QObject::tr("to the server")},
                                      std::pair{server, QObject::tr("to the client")}}) {
        const DelayStats& delay = connection.oneWayDelay[side];
        if (delay.samples > 0)
            facts << QObject::tr("one-way delay %1 %2 (median)")
                         .arg(words, formatDuration(delay.median));
    }
    title.facts = facts.join(QStringLiteral(" · "));
    return title;
}

QString mergedLadderText(const MergedCapture& merged, const MergedConnection& connection,
                         std::size_t first, std::size_t last, TimeNs origin) {
    QStringList lines;
    lines << QObject::tr("Merged connection %1: %2 · frames at %3")
                 .arg(connection.id)
                 .arg(endpointsText(merged, connection),
                      mergeTitleText(merged).replace(QStringLiteral(" + "), QStringLiteral(" | ")));
    const Side client = mergedClientSide(merged, connection);
    last = std::min(last, connection.packets.size());
    for (std::size_t i = first; i < last; ++i) {
        const MergedLabelText text = mergedLabelText(merged, connection, i, origin);
        QString line =
            (connection.packets[i].sender == client ? QStringLiteral("→ ") : QStringLiteral("← ")) +
            text.frames + text.fields;
        if (!text.finding.isEmpty())
            line += QStringLiteral(" · ") + text.finding;
        lines << line;
    }
    return lines.join(QChar('\n')) + QChar('\n');
}

} // namespace tcpladder::ui
