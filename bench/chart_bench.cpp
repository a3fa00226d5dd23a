// tcpladder-bench-chart [PACKETS] [--no-full]: opens a synthetic
// one-connection capture of PACKETS packets (default 2,000,000) in the chart
// offscreen and prints a Markdown table: time to open, median re-render after
// a zoom or pan, and the canvas drawing every point of the same data without
// reduction (skipped with --no-full: it takes seconds and drowns a profile of
// the rest).

#include "chart/chart_builder.h"
#include "chart/chart_canvas.h"
#include "chart/chart_view.h"
#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"
#include "view_state/connection_view_state.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

using namespace tcpladder;
using namespace tcpladder::ui;

namespace {

constexpr std::uint32_t kMss = 1448;

// A bulk transfer from A to B: an ACK for every second segment, 0.2 % of the
// segments resent 40 packets later, 8 µs between packets.
std::shared_ptr<LoadedCapture> synthesize(std::size_t packets) {
    auto capture = std::make_shared<LoadedCapture>();
    Connection c;
    c.firstTime = 1'000'000'000;
    capture->connectionStarts.push_back({1, 0});
    capture->connectionLinkTypes.push_back(1);
    QRandomGenerator random(7);
    std::uint32_t nextSeq = 1;
    std::vector<std::uint32_t> lost;
    TimeNs time = c.firstTime;
    for (std::size_t i = 0; i < packets; ++i, time += 8000) {
        PacketRecord::Fields f;
        f.time = time;
        f.frame = i + 1;
        f.windowShift = 7;
        f.rawWindow = 2048;
        if (i % 3 == 2) {
            f.side = kSideB;
            f.relativeSeq = 1;
            f.relativeAck = lost.empty() ? nextSeq : lost.front();
            f.flags = kAck;
            f.analysis = lost.empty() ? 0 : kDupAck;
        } else if (!lost.empty() && random.bounded(40) == 0) {
            f.side = kSideA;
            f.relativeSeq = lost.front();
            lost.erase(lost.begin());
            f.payloadLength = kMss;
            f.flags = kAck;
            f.analysis = kRetransmission;
        } else {
            f.side = kSideA;
            f.relativeSeq = nextSeq;
            f.payloadLength = kMss;
            f.flags = kAck | kPsh;
            if (random.bounded(500) == 0)
                lost.push_back(nextSeq);
            nextSeq += kMss;
        }
        capture->packets.append(0, PacketRecord(f));
        ++c.packets[f.side];
        c.payloadBytes[f.side] += f.payloadLength;
    }
    c.lastTime = time - 8000;
    capture->connections.push_back(c);
    capture->tcpPackets = packets;
    capture->firstTime = c.firstTime;
    capture->lastTime = c.lastTime;
    return capture;
}

double renderMs(ChartCanvas& canvas, QImage& image) {
    QElapsedTimer timer;
    timer.start();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    canvas.render(&painter, QRectF(image.rect()));
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::size_t packets = 2'000'000;
    bool withFull = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--no-full") == 0)
            withFull = false;
        else
            packets = std::strtoull(argv[i], nullptr, 10);
    }
    std::shared_ptr<const LoadedCapture> capture = synthesize(packets);
    const TimeNs duration = capture->connections[0].lastTime - capture->connections[0].firstTime;

    ConnectionViewState state;
    // Zooms reach the chart through the shared range, as from the ladder.
    state.setZoomLinked(true);
    ChartView view(&state);
    view.resize(1400, 800);
    view.show();
    view.canvas()->layoutNow();
    state.setCapture(capture);
    view.refreshNow();
    QImage image(view.canvas()->size(), QImage::Format_ARGB32_Premultiplied);

    QElapsedTimer timer;
    timer.start();
    state.setConnection(0);
    view.refreshNow();
    const double build = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const double open = build + renderMs(*view.canvas(), image);
    const qsizetype openPoints = view.canvas()->pointCount();

    // Zooms to ranges from 0.5 % to 60 % of the connection, then pans each by a fifth.
    QRandomGenerator random(11);
    timer.restart();
    ConnectionChartData data(capture, 0);
    const double checkpoints = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    data.sequenceBlocks(kSideA);
    const double blocks = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::vector<double> rerenders;
    std::vector<double> rerenderBuilds;
    std::vector<double> reductions;
    for (int i = 0; i < 40; ++i) {
        const auto span = static_cast<TimeNs>(duration * (0.005 + random.generateDouble() * 0.6));
        TimeNs begin = static_cast<TimeNs>(random.generateDouble() * (duration - span));
        if (i % 2 == 1)
            begin += span / 5;
        timer.restart();
        state.setVisibleRange(begin, begin + span, nullptr);
        view.refreshNow();
        const double b = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        rerenderBuilds.push_back(b);
        rerenders.push_back(b + renderMs(*view.canvas(), image));
        // The reduction alone, without the canvas, for the same request.
        ChartRequest alone = data.request(view.sender());
        alone.begin = view.visibleBegin();
        alone.end = view.visibleEnd();
        alone.columns = static_cast<int>(view.canvas()->plotArea().width());
        alone.rows = static_cast<int>(view.canvas()->plotArea().height());
        timer.restart();
        data.build(ChartKind::Sequence, alone);
        reductions.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }

    std::printf("| %zu packets, one connection, 1400×800 offscreen | time | points drawn |\n",
                packets);
    std::printf("|---|---:|---:|\n");
    std::printf("| Open in the chart (index, reduce, draw) | %.1f ms | %lld |\n", open,
                static_cast<long long>(openPoints));
    std::printf("| … of which indexing: checkpoints / block summaries | %.1f / %.1f ms | |\n",
                checkpoints, blocks);
    std::printf("| Re-render after zoom/pan, median of %zu | %.1f ms | |\n", rerenders.size(),
                median(rerenders));
    std::printf(
        "| … of which reduction (our code) / hand-over to the canvas / draw | %.1f / %.1f / "
        "%.1f ms | |\n",
        median(reductions), median(rerenderBuilds) - median(reductions),
        median(rerenders) - median(rerenderBuilds));
    std::printf("| Re-render after zoom/pan, slowest | %.1f ms | |\n",
                *std::max_element(rerenders.begin(), rerenders.end()));
    if (!withFull)
        return 0;

    // The same data with no reduction: every segment and ACK handed to the canvas.
    ChartCanvas full;
    full.resize(view.canvas()->size());
    full.layoutNow();
    ChartRequest request = data.request(kSideA);
    // One column per packet (they are evenly spaced): nothing merges.
    request.columns = static_cast<int>(packets);
    request.rows = 300;
    request.sack = nullptr;
    timer.restart();
    full.setContent(data.build(ChartKind::Sequence, request));
    const double fullBuild = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const double fullRender = renderMs(full, image);
    std::printf(
        "| Fed every point, no reduction: hand over / draw / total | %.0f / %.0f / %.0f ms | "
        "%lld |\n",
        fullBuild, fullRender, fullBuild + fullRender, static_cast<long long>(full.pointCount()));
    std::printf("| Ratio, full over reduced re-render | %.0f× | |\n",
                (fullBuild + fullRender) / median(rerenders));
    return 0;
}
