#include "ladder/ladder_style.h"

#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"

namespace tcpladder::ui {

ArrowKind arrowKind(std::uint8_t flags, std::uint32_t payloadLength) {
    if (flags & kRst)
        return ArrowKind::Rst;
    if (flags & kSyn)
        return ArrowKind::Syn;
    if (flags & kFin)
        return ArrowKind::Fin;
    return payloadLength > 0 ? ArrowKind::Data : ArrowKind::Ack;
}

ArrowStyle arrowStyle(ArrowKind kind) {
    switch (kind) {
    case ArrowKind::Syn:
        return {QColor(0x2e, 0x7d, 0x32), 2.0, QStringLiteral("SYN / SYN-ACK")};
    case ArrowKind::Fin:
        return {QColor(0x7b, 0x1f, 0xa2), 2.0, QStringLiteral("FIN")};
    case ArrowKind::Rst:
        return {QColor(0xd5, 0x00, 0x00), 3.2, QStringLiteral("RST")};
    case ArrowKind::Data:
        return {QColor(0x15, 0x65, 0xc0), 1.7, QStringLiteral("Data")};
    case ArrowKind::Ack:
        break;
    }
    return {QColor(0x90, 0xa4, 0xae), 1.0, QStringLiteral("Pure ACK")};
}

std::vector<ArrowKind> legendArrowKinds() {
    return {ArrowKind::Syn, ArrowKind::Data, ArrowKind::Ack, ArrowKind::Fin, ArrowKind::Rst};
}

namespace {

struct BadgeRule {
    std::uint16_t bits;
    Badge badge;
};

const std::vector<BadgeRule>& badgeRules() {
    static const QColor white(Qt::white);
    static const std::vector<BadgeRule> rules = {
        {kRetransmission,
         {QStringLiteral("RETX"), QColor(0xe6, 0x51, 0x00), white,
          QStringLiteral("retransmission")}},
        {kFastRetransmission,
         {QStringLiteral("FAST RETX"), QColor(0xbf, 0x36, 0x0c), white,
          QStringLiteral("fast retransmission")}},
        {kSpuriousRetransmission,
         {QStringLiteral("SPURIOUS"), QColor(0xff, 0x8f, 0x00), white,
          QStringLiteral("spurious retransmission")}},
        {kDupAck,
         {QStringLiteral("DUP ACK"), QColor(0xfb, 0xc0, 0x2d), QColor(0x26, 0x32, 0x38),
          QStringLiteral("duplicate ACK")}},
        {kZeroWindow,
         {QStringLiteral("ZERO WIN"), QColor(0xad, 0x14, 0x57), white,
          QStringLiteral("zero window")}},
        {kOutOfOrder,
         {QStringLiteral("OOO"), QColor(0x45, 0x27, 0xa0), white, QStringLiteral("out of order")}},
        {kKeepAlive,
         {QStringLiteral("KEEP-ALIVE"), QColor(0x54, 0x6e, 0x7a), white,
          QStringLiteral("keep-alive")}},
        {kLostSegment,
         {QStringLiteral("PREV LOST"), QColor(0x5d, 0x40, 0x37), white,
          QStringLiteral("previous segment not captured")}},
        {kWindowFull,
         {QStringLiteral("WIN FULL"), QColor(0x00, 0x83, 0x8f), white,
          QStringLiteral("window full")}},
    };
    return rules;
}

} // namespace

std::vector<Badge> badgesFor(std::uint16_t analysis) {
    std::vector<Badge> badges;
    for (const BadgeRule& rule : badgeRules())
        if (analysis & rule.bits)
            badges.push_back(rule.badge);
    return badges;
}

std::vector<Badge> legendBadges() {
    std::vector<Badge> badges;
    for (const BadgeRule& rule : badgeRules())
        if (rule.bits & (kRetransmission | kDupAck | kZeroWindow | kOutOfOrder | kKeepAlive))
            badges.push_back(rule.badge);
    return badges;
}

namespace ladder_palette {

QFont labelFont() {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(11);
    return font;
}

QFont smallFont() {
    QFont font = labelFont();
    font.setPixelSize(9);
    font.setBold(true);
    return font;
}

QFont titleFont() {
    QFont font = labelFont();
    font.setPixelSize(14);
    font.setBold(true);
    return font;
}

} // namespace ladder_palette

} // namespace tcpladder::ui
