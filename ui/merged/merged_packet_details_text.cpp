#include "merged/merged_packet_details_text.h"

#include "format/file_path.h"
#include "format/qt_text.h"
#include "format/units.h"
#include "ladder/ladder_labels.h"
#include "ladder/merged_ladder_text.h"
#include "merged/merged_sides.h"
#include "store/packet_text.h"

#include <QFileInfo>

namespace tcpladder::ui {
namespace {

QString fateDescription(PacketFate fate) {
    switch (fate) {
    case PacketFate::SeenAtBoth:
        return QObject::tr("seen at both points");
    case PacketFate::OnePointOnly:
        return QObject::tr("its connection was seen at one point only");
    case PacketFate::LostBetween:
    case PacketFate::OnlyAtReceiver:
    case PacketFate::ResentAfterLoss:
        break;
    }
    return fateText(fate);
}

QString pointName(const MergedCapture& merged, int point) {
    const QString file = merged.points[point]
                             ? QFileInfo(pathFromBytes(merged.points[point]->path)).fileName()
                             : QString();
    return QObject::tr("point %1 (%2)").arg(point + 1).arg(file);
}

QString signedDuration(TimeNs duration) {
    return (duration < 0 ? QStringLiteral("−") : QStringLiteral("+")) +
           formatDuration(duration < 0 ? -duration : duration);
}

DetailsSection mergeSection(const MergedCapture& merged, const MergedConnection& connection,
                            const MergedPacket& packet) {
    DetailsSection section{QObject::tr("Between the points"), {}};
    auto& f = section.fields;
    f.emplace_back(QObject::tr("Fate"), fateDescription(packet.fate));
    if (packet.oneSidedDisagrees) {
        const std::uint16_t analysis = receiverSideAnalysis(merged, connection, packet);
        f.emplace_back(QObject::tr("Receiver side alone called it"),
                       analysis ? toQString(analysisWords(analysis))
                                : QObject::tr("nothing special"));
    }
    const bool fromClient = packet.sender == mergedClientSide(merged, connection);
    f.emplace_back(QObject::tr("Direction"),
                   fromClient ? QObject::tr("client → server") : QObject::tr("server → client"));
    const int from = drawnSenderPoint(merged, connection, packet.sender);
    const bool bothPoints = connection.bothSides();
    for (const int point : {from, otherPoint(from)}) {
        if (!bothPoints && !packet.seenAt(point))
            continue;
        const QString name = bothPoints ? QObject::tr("At %1, %2")
                                              .arg(pointName(merged, point),
                                                   point == from ? QObject::tr("sender side")
                                                                 : QObject::tr("receiver side"))
                                        : QObject::tr("At %1").arg(pointName(merged, point));
        const PacketRecord* record = recordIfSeen(merged, connection, packet, point);
        f.emplace_back(
            name, record ? QObject::tr("%1 (+%2 into the connection), frame %3")
                               .arg(toQString(merged.points[0]->utcText(packet.time[point])),
                                    relativeTimeLabel(packet.time[point] - connection.firstTime))
                               .arg(record->frame())
                         : QObject::tr("not seen"));
    }
    if (const auto delay = oneWayDelay(merged, connection, packet))
        f.emplace_back(QObject::tr("One-way delay"), formatDuration(*delay));
    if (bothPoints)
        f.emplace_back(QObject::tr("Clock"),
                       QObject::tr("times on point 1's clock; point 2's moved by %1")
                           .arg(signedDuration(-merged.offset.at(packet.time[from]))));
    return section;
}

} // namespace

std::vector<DetailsSection> describeMergedPacket(const MergedCapture& merged,
                                                 const MergedConnection& connection,
                                                 std::size_t index,
                                                 const MergedPacketDetails& details) {
    const MergedPacket& packet = connection.packets[index];
    std::vector<DetailsSection> sections{mergeSection(merged, connection, packet)};
    const int from = drawnSenderPoint(merged, connection, packet.sender);
    for (const int point : {from, otherPoint(from)}) {
        if (!recordIfSeen(merged, connection, packet, point))
            continue;
        const Result<PacketDetails> pending =
            Error{QObject::tr("reading from the file…").toStdString()};
        const auto& read = details[static_cast<std::size_t>(point)];
        auto pointSections = describePacket(
            *merged.points[point], static_cast<std::uint32_t>(connection.connection[point]),
            static_cast<std::size_t>(packet.index[point]), read ? *read : pending);
        const QString prefix = QObject::tr("Point %1: ").arg(point + 1);
        for (DetailsSection& section : pointSections) {
            section.title.prepend(prefix);
            sections.push_back(std::move(section));
        }
    }
    return sections;
}

} // namespace tcpladder::ui
