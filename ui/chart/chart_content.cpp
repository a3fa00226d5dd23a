#include "chart/chart_content.h"

namespace tcpladder::ui {

SeriesShape shapeOf(SeriesRole role) {
    switch (role) {
    case SeriesRole::Segments:
    case SeriesRole::Retransmissions:
    case SeriesRole::OutOfOrder:
    case SeriesRole::SackBlocks:
        return SeriesShape::Bars;
    case SeriesRole::AckLine:
    case SeriesRole::WindowLimit:
    case SeriesRole::Throughput:
    case SeriesRole::Goodput:
    case SeriesRole::AdvertisedWindow:
    case SeriesRole::BytesInFlight:
    case SeriesRole::DelayToServer:
    case SeriesRole::DelayToClient:
        return SeriesShape::Steps;
    case SeriesRole::ZeroWindow:
    case SeriesRole::Syn:
    case SeriesRole::Fin:
    case SeriesRole::Rst:
    case SeriesRole::Rtt:
        return SeriesShape::Marks;
    }
    return SeriesShape::Marks;
}

const ChartSeries* ChartContent::find(SeriesRole role) const {
    for (const ChartSeries& s : series)
        if (s.role == role)
            return &s;
    return nullptr;
}

std::vector<SeriesRole> rolesOf(ChartKind kind) {
    using R = SeriesRole;
    switch (kind) {
    case ChartKind::Sequence:
        return {R::WindowLimit,     R::AckLine,    R::SackBlocks, R::Segments, R::OutOfOrder,
                R::Retransmissions, R::ZeroWindow, R::Syn,        R::Fin,      R::Rst};
    case ChartKind::Throughput:
        return {R::Throughput, R::Goodput};
    case ChartKind::Rtt:
        return {R::Rtt};
    case ChartKind::Window:
        return {R::AdvertisedWindow, R::BytesInFlight, R::ZeroWindow};
    case ChartKind::OneWayDelay:
        return {R::DelayToServer, R::DelayToClient};
    }
    return {};
}

} // namespace tcpladder::ui
