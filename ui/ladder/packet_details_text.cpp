#include "ladder/packet_details_text.h"

#include "decode/tcp_segment.h"
#include "format/qt_text.h"
#include "ladder/ladder_labels.h"
#include "ladder/ladder_style.h"
#include "store/packet_text.h"

#include <QStringList>

namespace tcpladder::ui {
namespace {

QString flagNames(std::uint8_t flags) {
    static const std::pair<std::uint8_t, const char*> kNames[] = {
        {kFin, "FIN"}, {kSyn, "SYN"}, {kRst, "RST"}, {kPsh, "PSH"},
        {kAck, "ACK"}, {kUrg, "URG"}, {kEce, "ECE"}, {kCwr, "CWR"}};
    QStringList names;
    for (const auto& [bit, name] : kNames)
        if (flags & bit)
            names << QLatin1String(name);
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

DetailsSection headerSection(const DecodedTcp& tcp, const PacketDetails& details) {
    const TcpSegment& segment = tcp.segment;
    DetailsSection section{QStringLiteral("TCP header"), {}};
    auto& f = section.fields;
    f.emplace_back(QStringLiteral("Source"), toQString(formatEndpoint(tcp.src, segment.srcPort)));
    f.emplace_back(QStringLiteral("Destination"),
                   toQString(formatEndpoint(tcp.dst, segment.dstPort)));
    f.emplace_back(QStringLiteral("Sequence number (raw)"), QString::number(segment.seq));
    f.emplace_back(QStringLiteral("Acknowledgment number (raw)"), QString::number(segment.ack));
    f.emplace_back(QStringLiteral("Header length"),
                   QStringLiteral("%1 bytes").arg(segment.headerLength));
    f.emplace_back(QStringLiteral("Flags"), QStringLiteral("0x%1 (%2)")
                                                .arg(segment.flags, 2, 16, QChar('0'))
                                                .arg(flagNames(segment.flags)));
    f.emplace_back(QStringLiteral("Window (raw)"), QString::number(segment.window));
    f.emplace_back(QStringLiteral("Urgent pointer"), QString::number(segment.urgentPointer));
    f.emplace_back(QStringLiteral("Frame length"), QStringLiteral("%1 captured of %2 bytes")
                                                       .arg(details.capturedLength)
                                                       .arg(details.originalLength));

    return section;
}

DetailsSection optionsSection(const TcpSegment& segment, const PacketRecord& packet) {
    const TcpOptions& o = segment.options;
    DetailsSection options{QStringLiteral("TCP options"), {}};
    auto& f = options.fields;
    if (o.mss >= 0)
        f.emplace_back(QStringLiteral("MSS"), QString::number(o.mss));
    if (o.windowScale >= 0)
        f.emplace_back(QStringLiteral("Window scale"),
                       QStringLiteral("shift %1 (× %2)")
                           .arg(o.windowScale)
                           .arg(1u << std::min<int>(o.windowScale, 14)));
    if (o.sackPermitted)
        f.emplace_back(QStringLiteral("SACK permitted"), QStringLiteral("yes"));
    if (o.hasTimestamps)
        f.emplace_back(QStringLiteral("Timestamps"),
                       QStringLiteral("TSval %1, TSecr %2").arg(o.tsValue).arg(o.tsEcho));
    // SACK edges count in the other side's sequence space, the one our ACK
    // numbers are relative to.
    const std::uint32_t base = segment.ack - packet.relativeAck();
    for (std::size_t i = 0; i < o.sackCount && i < o.sack.size(); ++i)
        f.emplace_back(QStringLiteral("SACK block %1").arg(i + 1),
                       QStringLiteral("%1–%2 (raw %3–%4)")
                           .arg(o.sack[i].left - base)
                           .arg(o.sack[i].right - base)
                           .arg(o.sack[i].left)
                           .arg(o.sack[i].right));
    if (f.empty())
        f.emplace_back(QStringLiteral("none"), QString());
    return options;
}

} // namespace

std::vector<DetailsSection> describePacket(const LoadedCapture& capture, std::uint32_t connection,
                                           std::size_t index,
                                           const Result<PacketDetails>& details) {
    const PacketRecord& packet = capture.packets.at(connection, index);
    const Connection& info = capture.connections[connection];
    const bool fromClient = packet.side() == info.clientSide();
    const TimeNs first = capture.packets.at(connection, 0).time();
    DetailsSection summary{QStringLiteral("Packet"), {}};
    auto& f = summary.fields;
    f.emplace_back(QStringLiteral("Frame"), QString::number(packet.frame()));
    f.emplace_back(QStringLiteral("Time"), toQString(capture.utcText(packet.time())));
    f.emplace_back(QStringLiteral("Since first packet"), relativeTimeLabel(packet.time() - first));
    f.emplace_back(QStringLiteral("Direction"), fromClient ? QStringLiteral("client → server")
                                                           : QStringLiteral("server → client"));
    f.emplace_back(QStringLiteral("Flags"), toQString(flagLetters(packet.flags())));
    f.emplace_back(QStringLiteral("Sequence number"), QString::number(packet.relativeSeq()));
    f.emplace_back(QStringLiteral("Acknowledgment number"), QString::number(packet.relativeAck()));
    f.emplace_back(QStringLiteral("Payload length"), QString::number(packet.payloadLength()));
    f.emplace_back(QStringLiteral("Window"),
                   QStringLiteral("%1 (raw %2%3)")
                       .arg(packet.window())
                       .arg(packet.rawWindow())
                       .arg(packet.windowScaled() ? QStringLiteral(", scaled")
                                                  : QStringLiteral(", scale unknown")));
    DetailsSection analysis{QStringLiteral("Analysis"), {}};
    for (const Badge& badge : badgesFor(packet.analysis()))
        analysis.fields.emplace_back(badge.text, badge.meaning);
    if (analysis.fields.empty())
        analysis.fields.emplace_back(QStringLiteral("none"), QString());

    std::vector<DetailsSection> sections{summary};
    if (details.ok()) {
        sections.push_back(headerSection(details->tcp, details.value()));
        sections.push_back(optionsSection(details->tcp.segment, packet));
    } else {
        sections.push_back({QStringLiteral("TCP header"),
                            {{QStringLiteral("Not available"), toQString(details.error())}}});
    }
    sections.push_back(analysis);
    return sections;
}

} // namespace tcpladder::ui
