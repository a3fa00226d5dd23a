#include "chart/packet_hit.h"

#include "chart/rtt_chart.h"
#include "decode/tcp_segment.h"

#include <algorithm>
#include <cmath>

namespace tcpladder::ui {
namespace {

// Scanning stops here, so a click at full zoom on a huge capture stays quick.
constexpr std::size_t kMaxCandidates = 50'000;

double pixelDistance(const ChartClick& click, TimeNs time, double low, double high) {
    const double dx = static_cast<double>(time - click.time) / click.nsPerPixel;
    double dy = 0;
    if (click.value < low)
        dy = (low - click.value) / click.valuePerPixel;
    else if (click.value > high)
        dy = (click.value - high) / click.valuePerPixel;
    return std::hypot(dx, dy);
}

bool drawnOn(ChartKind kind, const ChartRequest& request, const PacketRecord& r) {
    switch (kind) {
    case ChartKind::Sequence:
        return r.side() == request.sender
                   ? r.payloadLength() > 0 || (r.flags() & (kSyn | kFin | kRst))
                   : (r.flags() & (kAck | kRst)) != 0;
    case ChartKind::Throughput:
        return r.side() == request.sender && r.payloadLength() > 0;
    default:
        return true;
    }
}

std::optional<std::size_t> findSample(const ChartRequest& request, const ChartClick& click) {
    if (!request.rttSamples)
        return std::nullopt;
    const std::vector<RttSample>& samples = *request.rttSamples;
    const auto reach = static_cast<TimeNs>(click.radius * click.nsPerPixel);
    auto it = std::lower_bound(samples.begin(), samples.end(), click.time - reach,
                               [](const RttSample& s, TimeNs t) { return s.time < t; });
    std::optional<std::size_t> best;
    double bestDistance = click.radius;
    for (; it != samples.end() && it->time <= click.time + reach; ++it) {
        const auto rtt = static_cast<double>(it->rtt);
        const double d = pixelDistance(click, it->time, rtt, rtt);
        if (d <= bestDistance) {
            bestDistance = d;
            best = it->ackIndex;
        }
    }
    return best;
}

} // namespace

std::optional<std::size_t> findPacketAt(ChartKind kind, const ChartRequest& request,
                                        const ChartClick& click) {
    if (kind == ChartKind::Rtt)
        return findSample(request, click);
    const LoadedCapture& capture = *request.capture;
    const std::uint32_t conn = request.connection;
    const TimeNs origin = capture.connections[conn].firstTime;
    const auto reach = static_cast<TimeNs>(click.radius * click.nsPerPixel);
    const std::size_t first = request.timeIndex->firstAtOrAfter(click.time - reach);
    const std::size_t count = capture.packets.packetCount(conn);
    SequenceState state = request.checkpoints->stateBefore(first);
    std::optional<std::size_t> best;
    double bestDistance = click.radius;
    for (std::size_t i = first; i < count && i - first < kMaxCandidates; ++i) {
        const PacketRecord& r = capture.packets.at(conn, i);
        const SequenceState::Unwrapped u = state.advance(r);
        const TimeNs time = r.time() - origin;
        if (time > click.time + reach)
            break;
        if (!drawnOn(kind, request, r))
            continue;
        double d = std::abs(static_cast<double>(time - click.time)) / click.nsPerPixel;
        if (kind == ChartKind::Sequence) {
            const bool data = r.side() == request.sender;
            const auto low = static_cast<double>(data ? u.seq : state.lastAck[r.side()]);
            const double high = data ? low + r.payloadLength() : low;
            d = pixelDistance(click, time, low, high);
        }
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

std::optional<ChartPoint> packetPosition(ChartKind kind, const ChartRequest& request,
                                         std::size_t index) {
    const LoadedCapture& capture = *request.capture;
    const std::uint32_t conn = request.connection;
    if (index >= capture.packets.packetCount(conn))
        return std::nullopt;
    SequenceState state = request.checkpoints->stateBefore(index);
    const PacketRecord& r = capture.packets.at(conn, index);
    const SequenceState::Unwrapped u = state.advance(r);
    const TimeNs time = r.time() - capture.connections[conn].firstTime;
    if (kind != ChartKind::Sequence)
        return ChartPoint{time, 0};
    if (r.side() == request.sender)
        return ChartPoint{time, static_cast<double>(u.seq) + r.payloadLength() / 2.0};
    return ChartPoint{time, static_cast<double>(state.lastAck[r.side()])};
}

} // namespace tcpladder::ui
