// tcpladder-bench-ladder: how the ladder copes with a 2-million-packet connection,
// offscreen. Prints a Markdown table: first paint after selection, median frame
// while scrolling and zooming, one frame with every arrow laid out (no culling),
// and the whole connection exported as SVG and PDF at the default zoom, each
// in a process of its own so that its peak RSS is the export's; the SVG is
// read back and every packet must be named once, in order, without overlaps.

#include "decode/tcp_segment.h"
#include "ladder/ladder_exporter.h"
#include "ladder/ladder_painter.h"
#include "ladder/ladder_view.h"
#include "ladder_svg_reader.h"
#include "tcp/analysis_flags.h"
#include "view_state/connection_view_state.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

using namespace tcpladder;

namespace {

constexpr std::size_t kPackets = 2'000'000;
constexpr TimeNs kStart = 1'700'000'000LL * kNsPerSecond;

PacketRecord record(TimeNs time, std::uint64_t frame, Side side, std::uint8_t flags,
                    std::uint32_t seq, std::uint32_t ack, std::uint32_t length,
                    std::uint16_t analysis = 0) {
    PacketRecord::Fields f;
    f.time = time;
    f.frame = frame;
    f.side = side;
    f.flags = flags;
    f.relativeSeq = seq;
    f.relativeAck = ack;
    f.payloadLength = length;
    f.rawWindow = 65535;
    f.analysis = analysis;
    return PacketRecord(f);
}

// One bulk download: handshake (40 ms round trip), then the server sends
// segments 12 µs apart, the client acknowledges every second one, and every
// 5000th segment is a retransmission.
std::shared_ptr<const LoadedCapture> bulkConnection() {
    auto capture = std::make_shared<LoadedCapture>();
    capture->path = "synthetic-2m";
    Connection connection;
    connection.endpoints[kSideA].port = 40000;
    connection.endpoints[kSideB].port = 443;
    connection.firstSynSender = kSideA;
    connection.firstSynAckSender = kSideB;
    TimeNs time = kStart;
    std::uint32_t serverSeq = 1;
    std::uint64_t frame = 1;
    PacketStore& store = capture->packets;
    store.append(0, record(time, frame++, kSideA, kSyn, 0, 0, 0));
    store.append(0, record(time += 39'000'000, frame++, kSideB, kSyn | kAck, 0, 1, 0));
    store.append(0, record(time += 1'000'000, frame++, kSideA, kAck, 1, 1, 0));
    store.append(0, record(time += 100'000, frame++, kSideA, kAck | kPsh, 1, 1, 300));
    while (frame <= kPackets) {
        time += 12'000;
        const bool retransmission = frame % 5000 == 0;
        store.append(0, record(time, frame++, kSideB, kAck, serverSeq, 301, 1448,
                               retransmission ? kRetransmission : 0));
        serverSeq += 1448;
        if (frame % 3 == 0 && frame <= kPackets)
            store.append(0, record(time += 2'000, frame++, kSideA, kAck, 301, serverSeq, 0));
    }
    connection.firstTime = kStart;
    connection.lastTime = time;
    connection.firstFrame = 1;
    connection.lastFrame = frame - 1;
    capture->connections.push_back(connection);
    capture->connectionStarts.push_back({kStart / kNsPerSecond, 0});
    capture->connectionLinkTypes.push_back(1);
    capture->tcpPackets = capture->frames = store.totalPackets();
    return capture;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double msSince(const QElapsedTimer& timer) {
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The child's side of an export measure: exports the whole connection to
// `path`, prints "SECONDS PEAK_KB PAGES", then for an SVG the read-back verdict.
int exportChild(const QString& path) {
    const auto data = ui::buildLadderData(bulkConnection(), 0);
    ui::LadderExportRequest request;
    request.path = path;
    request.format = *ui::ladderFormatForPath(path);
    request.lastPacket = data->packetCount();
    QElapsedTimer timer;
    timer.start();
    const ui::LadderExportResult result = ui::exportLadder(data, request);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    if (!result.ok) {
        std::printf("failed: %s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("%.1f %ld %d\n", seconds, usage.ru_maxrss, result.pages);
    if (request.format != ui::LadderFormat::Svg)
        return 0;
    const test::LadderSvg svg = test::readLadderSvg(path, *data);
    const QString problems =
        svg.error.isEmpty() ? test::labelProblems(*data, test::packetRange(0, data->packetCount()),
                                                  svg.labels, true, 0.5)
                            : svg.error;
    std::printf("%s\n", problems.isEmpty()
                            ? qPrintable(QStringLiteral("all %1 packets named by %2 labels")
                                             .arg(data->packetCount())
                                             .arg(svg.labels.size()))
                            : qPrintable(problems));
    return problems.isEmpty() ? 0 : 1;
}

// One export measured in a child process: a Markdown table row.
void measureExport(const QString& self, const QString& path) {
    QProcess child;
    child.start(self, {QStringLiteral("--export"), path});
    child.waitForFinished(-1);
    const QStringList lines =
        QString::fromUtf8(child.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    const QStringList numbers = lines.value(0).split(' ');
    const QString format = QFileInfo(path).suffix().toUpper();
    if (numbers.size() != 3) {
        std::printf("| %s export of the whole connection | failed: %s |\n", qPrintable(format),
                    qPrintable(lines.join(' ')));
        return;
    }
    std::printf("| %s export of the whole connection | %s s, peak RSS %.0f MiB, %.0f MB%s%s |\n",
                qPrintable(format), qPrintable(numbers[0]), numbers[1].toDouble() / 1024,
                static_cast<double>(QFileInfo(path).size()) / 1e6,
                numbers[2].toInt() > 1 ? qPrintable(QStringLiteral(", %1 pages").arg(numbers[2]))
                                       : "",
                lines.size() > 1 ? qPrintable(QStringLiteral("; read back: ") + lines[1]) : "");
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc == 3 && QByteArray(argv[1]) == "--export")
        return exportChild(QString::fromLocal8Bit(argv[2]));
    const auto capture = bulkConnection();
    const std::size_t packets = capture->packets.packetCount(0);

    ui::ConnectionViewState state;
    ui::LadderView view(&state);
    view.resize(1200, 900);
    view.show();
    state.setCapture(capture);

    // Painted into an image as the screen would be: offscreen, repaint() may not paint.
    QImage frameImage(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const auto paintFrame = [&] { view.viewport()->render(&frameImage); };
    QElapsedTimer timer;
    timer.start();
    state.setConnection(0);
    paintFrame();
    const double firstPaint = msSince(timer);

    std::vector<double> scrolling;
    for (int frame = 0; frame < 120; ++frame) {
        timer.restart();
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 300);
        paintFrame();
        scrolling.push_back(msSince(timer));
    }
    std::vector<double> zooming;
    for (int frame = 0; frame < 60; ++frame) {
        timer.restart();
        view.zoomBy(frame % 2 ? 0.8 : 1.25);
        paintFrame();
        zooming.push_back(msSince(timer));
    }

    // The same view painted with every arrow of the connection laid out.
    const ui::LadderLayout& layout = *view.ladderLayout();
    const auto [top, bottom] = view.visibleSlice();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    timer.restart();
    {
        QPainter painter(&image);
        painter.setClipRect(image.rect());
        painter.translate(0, -top);
        ui::LadderPaintParams params;
        params.top = top;
        params.bottom = bottom;
        params.cull = false;
        ui::LadderPainter(layout).paint(painter, params);
    }
    const double noCulling = msSince(timer);

    std::printf("Ladder on one connection of %zu packets (offscreen, 1200×900 view)\n\n", packets);
    std::printf("| measure | time |\n|---|---:|\n");
    std::printf("| first paint after selection | %.1f ms |\n", firstPaint);
    std::printf("| median frame while scrolling | %.2f ms |\n", median(scrolling));
    std::printf("| median frame while zooming | %.2f ms |\n", median(zooming));
    std::printf("| one frame, every arrow laid out (no culling) | %.0f ms |\n", noCulling);
    QTemporaryDir dir;
    for (const char* name : {"ladder.svg", "ladder.pdf"})
        measureExport(QCoreApplication::applicationFilePath(), dir.filePath(name));
    return 0;
}
