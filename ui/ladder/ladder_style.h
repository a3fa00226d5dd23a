#pragma once

#include <QColor>
#include <QFont>
#include <QString>
#include <cstdint>
#include <vector>

namespace tcpladder::ui {

// What an arrow is, by its loudest property: a reset outranks a SYN or FIN,
// those outrank data, and data outranks a pure ACK.
enum class ArrowKind { Syn, Fin, Rst, Data, Ack };

ArrowKind arrowKind(std::uint8_t flags, std::uint32_t payloadLength);

struct ArrowStyle {
    QColor color;
    double width = 1;
    QString name; // for the legend
};

ArrowStyle arrowStyle(ArrowKind kind);
std::vector<ArrowKind> legendArrowKinds();

// An analysis mark drawn as a small coloured tag on the arrow.
struct Badge {
    QString text;
    QColor color;
    QColor textColor;
    QString meaning; // for the legend and tooltips
};

std::vector<Badge> badgesFor(std::uint16_t analysis);
std::vector<Badge> legendBadges();

// Fonts and colours shared by the view and every export, so that the file
// shows the same drawing as the screen.
namespace ladder_palette {
QFont labelFont();
QFont smallFont(); // badges, ruler
QFont titleFont();
inline const QColor kText{0x26, 0x32, 0x38};
inline const QColor kMutedText{0x60, 0x7d, 0x8b};
inline const QColor kLane{0x45, 0x5a, 0x64};
inline const QColor kCapturePoint{0xef, 0x6c, 0x00};
inline const QColor kBreakFill{0xec, 0xef, 0xf1};
inline const QColor kRulerFill{0xf7, 0xf8, 0xf9};
inline const QColor kGrid{0xf0, 0xf2, 0xf4};
inline const QColor kSelection{0xff, 0xf1, 0x76, 150};
inline const QColor kHover{0xbb, 0xde, 0xfb, 110};
inline const QColor kStall{0xe6, 0x51, 0x00};
inline const QColor kNote{0x15, 0x65, 0xc0};
inline const QColor kBundle{0x54, 0x6e, 0x7a};
inline const QColor kBundleFill{0xec, 0xef, 0xf1, 230};
inline const QColor kClockStep{0xc6, 0x28, 0x28};
// An application message's name on its first arrow, and its bracket.
inline const QColor kMessage{0x6a, 0x1b, 0x9a};
} // namespace ladder_palette

} // namespace tcpladder::ui
