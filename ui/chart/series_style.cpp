#include "chart/series_style.h"

namespace tcpladder::ui {

SeriesStyle styleOf(SeriesRole role) {
    using R = SeriesRole;
    switch (role) {
    case R::Segments:
        return {QStringLiteral("Segments"), QColor(0x1f, 0x2a, 0x44), 1.2, MarkShape::Circle, 0, 3};
    case R::Retransmissions:
        return {QStringLiteral("Retransmissions"),
                QColor(0xd6, 0x1f, 0x1f),
                5,
                MarkShape::Circle,
                0,
                6};
    case R::OutOfOrder:
        return {
            QStringLiteral("Out of order"), QColor(0x17, 0xa2, 0xb8), 2.5, MarkShape::Circle, 0, 5};
    case R::SackBlocks:
        return {
            QStringLiteral("SACK blocks"), QColor(0x9b, 0x59, 0xb6), 1.6, MarkShape::Circle, 0, 4};
    case R::AckLine:
        return {QStringLiteral("ACK"), QColor(0x1a, 0x9a, 0x3a), 1.5, MarkShape::Circle, 0, 2};
    case R::WindowLimit:
        return {QStringLiteral("Window limit (ACK + rwnd)"),
                QColor(0xc9, 0xa2, 0x00),
                1.5,
                MarkShape::Circle,
                0,
                1};
    case R::ZeroWindow:
        return {
            QStringLiteral("Zero window"), QColor(0xff, 0xa5, 0x00), 1, MarkShape::Square, 9, 7};
    case R::Syn:
        return {QStringLiteral("SYN"), QColor(0x1a, 0x9a, 0x3a), 1, MarkShape::Triangle, 11, 8};
    case R::Fin:
        return {QStringLiteral("FIN"), QColor(0x1f, 0x77, 0xb4), 1, MarkShape::Diamond, 11, 8};
    case R::Rst:
        return {QStringLiteral("RST"), QColor(0x00, 0x00, 0x00), 1, MarkShape::Star, 13, 8};
    case R::Throughput:
        return {
            QStringLiteral("Throughput"), QColor(0x1f, 0x77, 0xb4), 1.5, MarkShape::Circle, 0, 1};
    case R::Goodput:
        return {QStringLiteral("Goodput (new bytes)"),
                QColor(0x1a, 0x9a, 0x3a),
                1.5,
                MarkShape::Circle,
                0,
                2};
    case R::Rtt:
        return {QStringLiteral("RTT"), QColor(0x1f, 0x77, 0xb4), 1, MarkShape::Circle, 5, 1};
    case R::AdvertisedWindow:
        return {QStringLiteral("Receive window"),
                QColor(0xc9, 0xa2, 0x00),
                1.5,
                MarkShape::Circle,
                0,
                1};
    case R::BytesInFlight:
        return {QStringLiteral("Bytes in flight"),
                QColor(0x1f, 0x77, 0xb4),
                1.5,
                MarkShape::Circle,
                0,
                2};
    case R::DelayToServer:
        return {QStringLiteral("One-way delay, client → server"),
                QColor(0x1f, 0x77, 0xb4),
                1.5,
                MarkShape::Circle,
                0,
                1};
    case R::DelayToClient:
        return {QStringLiteral("One-way delay, server → client"),
                QColor(0xd6, 0x27, 0x28),
                1.5,
                MarkShape::Circle,
                0,
                2};
    }
    return {};
}

} // namespace tcpladder::ui
