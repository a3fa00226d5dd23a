#include "chart/bar_shapes.h"
#include "chart/decimation.h"
#include "chart/sequence_blocks.h"
#include "chart/sequence_series.h"
#include "chart/time_window.h"
#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"

#include <QRandomGenerator>
#include <QTest>
#include <map>
#include <set>

using namespace tcpladder;
using namespace tcpladder::ui;

namespace {

// A random two-way connection: both sides send segments of random length,
// some resent, some flagged out of order, and ACK each other with random
// windows; SYN, FIN, RST and zero windows here and there; bursts share a
// timestamp and pauses leave long gaps, so pixel columns hold anything from
// no packet to thousands.
LoadedCapture randomConnection(QRandomGenerator& random, int packets) {
    LoadedCapture capture;
    Connection c;
    c.firstTime = 5'000'000'000;
    const std::int8_t shifts[2] = {static_cast<std::int8_t>(random.bounded(-1, 8)),
                                   static_cast<std::int8_t>(random.bounded(-1, 8))};
    std::uint32_t next[2] = {1, 1};
    std::uint32_t acked[2] = {1, 1};
    TimeNs time = c.firstTime;
    for (int i = 0; i < packets; ++i) {
        const int pause = random.bounded(1000);
        time += pause == 0    ? random.bounded(1, 50'000'000)
                : pause < 300 ? 0
                              : random.bounded(50'000);
        PacketRecord::Fields f;
        f.time = time;
        f.frame = static_cast<std::uint64_t>(i) + 1;
        f.side = random.bounded(4) == 0 ? kSideB : kSideA;
        const Side other = f.side == kSideA ? kSideB : kSideA;
        f.windowShift = random.bounded(2) == 0 ? shifts[f.side] : std::int8_t{-1};
        f.rawWindow = static_cast<std::uint16_t>(random.bounded(65536));
        f.flags = kAck;
        f.relativeSeq = next[f.side];
        f.relativeAck = acked[other];
        if (random.bounded(3) != 0) {
            f.payloadLength = static_cast<std::uint32_t>(random.bounded(1, 1449));
            if (random.bounded(30) == 0) {
                f.relativeSeq -= static_cast<std::uint32_t>(random.bounded(1, 20'000));
                f.analysis = random.bounded(2) == 0 ? kRetransmission : kOutOfOrder;
            } else {
                next[f.side] += f.payloadLength;
            }
        }
        if (random.bounded(4) == 0)
            acked[other] = next[other] - static_cast<std::uint32_t>(random.bounded(3000));
        if (random.bounded(200) == 0)
            f.flags = static_cast<std::uint8_t>(random.bounded(2) == 0 ? kSyn : kFin | kAck);
        if (random.bounded(500) == 0)
            f.flags = kRst;
        if (random.bounded(100) == 0)
            f.analysis |= kZeroWindow;
        capture.packets.append(0, PacketRecord(f));
    }
    c.lastTime = time;
    capture.connections.push_back(c);
    return capture;
}

} // namespace

class TestChartDecimation : public QObject {
    Q_OBJECT

private slots:
    void columns_data();
    void columns();
    void lineKeepsEveryColumnsExtremes();
    void barsCoverEveryRetransmissionMark();
    void marksKeepEveryOccupiedCell();
    void stepsHoldUntilTheNextSample();
    void blockSummariesReduceAsTheFullScan();
    void barsAreTickedWhenSparseAndNeverOverlapWhenCrowded();
    void timeWindow_data();
    void timeWindow();
};

void TestChartDecimation::columns_data() {
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("column");
    QTest::newRow("before the range") << qint64{99} << -1;
    QTest::newRow("first nanosecond") << qint64{100} << 0;
    QTest::newRow("last of column 0") << qint64{109} << 0;
    QTest::newRow("start of column 1") << qint64{110} << 1;
    QTest::newRow("last nanosecond") << qint64{199} << 9;
    QTest::newRow("end is outside") << qint64{200} << 10;
}

void TestChartDecimation::columns() {
    QFETCH(qint64, time);
    QFETCH(int, column);
    const PixelColumns columns(100, 200, 10);
    QCOMPARE(columns.column(time), column);
    QCOMPARE(columns.center(3), TimeNs{135});
}

// Random walks with spikes against the full series: per column the lowest,
// highest, first and last sample survive, nothing is invented, at most four
// per column, and the line enters and leaves at the edges.
void TestChartDecimation::lineKeepsEveryColumnsExtremes() {
    QRandomGenerator random(20240501);
    for (int round = 0; round < 50; ++round) {
        const PixelColumns columns(1000, 1000 + random.bounded(1000, 1000000),
                                   random.bounded(1, 400));
        std::vector<ChartPoint> full;
        TimeNs time = 0;
        double value = 0;
        const int count = random.bounded(1, 20000);
        for (int i = 0; i < count; ++i) {
            time += random.bounded(0, 300);
            value += random.bounded(-100, 101) + (random.bounded(100) == 0 ? 1e6 : 0);
            full.push_back({time, value});
        }
        LineDecimator decimator(columns);
        for (const ChartPoint& p : full)
            decimator.add(p.time, p.value);
        const std::vector<ChartPoint> kept = decimator.finish();

        std::map<int, std::vector<ChartPoint>> fullByColumn, keptByColumn;
        for (const ChartPoint& p : full)
            fullByColumn[columns.column(p.time)].push_back(p);
        for (const ChartPoint& p : kept) {
            keptByColumn[columns.column(p.time)].push_back(p);
            QVERIFY(std::find(full.begin(), full.end(), p) != full.end());
        }
        for (const auto& [column, points] : fullByColumn) {
            const auto& survivors = keptByColumn[column];
            const auto has = [&](const ChartPoint& p) {
                return std::find(survivors.begin(), survivors.end(), p) != survivors.end();
            };
            if (column < 0) {
                QCOMPARE(survivors.size(), std::size_t{1});
                QCOMPARE(survivors.front(), points.back());
                continue;
            }
            if (column >= columns.count()) {
                QCOMPARE(survivors.size(), std::size_t{1});
                QCOMPARE(survivors.front(), points.front());
                continue;
            }
            QVERIFY(survivors.size() <= 4);
            QVERIFY(has(points.front()));
            QVERIFY(has(points.back()));
            const auto [low, high] = std::minmax_element(
                points.begin(), points.end(),
                [](const ChartPoint& a, const ChartPoint& b) { return a.value < b.value; });
            QVERIFY(std::any_of(survivors.begin(), survivors.end(),
                                [&](const ChartPoint& p) { return p.value == low->value; }));
            QVERIFY(std::any_of(survivors.begin(), survivors.end(),
                                [&](const ChartPoint& p) { return p.value == high->value; }));
        }
    }
}

// Segments with random retransmission marks: every mark is covered by a
// reduced retransmission bar in its own column, each reduced bar spans
// exactly the union of marks it stands for, and the count stays bounded.
void TestChartDecimation::barsCoverEveryRetransmissionMark() {
    QRandomGenerator random(7);
    for (int round = 0; round < 50; ++round) {
        const int width = random.bounded(1, 300);
        const PixelColumns columns(0, random.bounded(1000, 10'000'000), width);
        const double gap = random.bounded(1, 5000);
        BarDecimator resent(columns);
        std::vector<ChartBar> marks;
        TimeNs time = 0;
        double seq = 0;
        while (time < columns.end()) {
            time += random.bounded(1, 2000);
            seq += 1448;
            if (random.bounded(20) == 0) {
                const double low = seq - 1448 * random.bounded(1, 200);
                marks.push_back({time, low, low + random.bounded(1, 1449)});
                resent.add(marks.back().time, marks.back().low, marks.back().high);
            }
        }
        const std::vector<ChartBar> bars = resent.finish(gap);
        for (const ChartBar& m : marks) {
            if (columns.column(m.time) >= width)
                continue;
            const TimeNs center = columns.center(columns.column(m.time));
            QVERIFY(std::any_of(bars.begin(), bars.end(), [&](const ChartBar& b) {
                return b.time == center && b.low <= m.low && b.high >= m.high;
            }));
        }
        for (const ChartBar& b : bars) {
            bool lowIsAMark = false, highIsAMark = false;
            for (const ChartBar& m : marks) {
                if (columns.center(columns.column(m.time)) != b.time)
                    continue;
                lowIsAMark |= m.low == b.low;
                highIsAMark |= m.high == b.high;
            }
            QVERIFY(lowIsAMark && highIsAMark);
        }
        QVERIFY(bars.size() <= marks.size());
    }
}

void TestChartDecimation::marksKeepEveryOccupiedCell() {
    QRandomGenerator random(99);
    const PixelColumns columns(0, 100'000, 100);
    MarkDecimator marks(columns, 0, 1000, 50);
    std::set<std::pair<int, int>> cells;
    std::vector<ChartPoint> all;
    for (int i = 0; i < 20000; ++i) {
        const ChartPoint p{random.bounded(0, 100'000), random.bounded(1000.0)};
        all.push_back(p);
        marks.add(p.time, p.value);
        cells.insert({columns.column(p.time), static_cast<int>(p.value / 20)});
    }
    const std::vector<ChartPoint> kept = marks.finish();
    QCOMPARE(kept.size(), cells.size());
    for (const ChartPoint& p : kept)
        QVERIFY(std::find(all.begin(), all.end(), p) != all.end());
}

void TestChartDecimation::stepsHoldUntilTheNextSample() {
    const std::vector<ChartPoint> points = {{0, 1}, {10, 1}, {20, 5}, {21, 7}, {40, 7}};
    const std::vector<ChartPoint> expected = {{0, 1}, {20, 1}, {20, 5}, {21, 7}, {40, 7}};
    QCOMPARE(toSteps(points, 5), expected);
    // A repeated value is skipped, yet the step after it still has its corner.
    const std::vector<ChartPoint> repeated = {{0, 1}, {100, 1}, {102, 4}};
    const std::vector<ChartPoint> cornered = {{0, 1}, {102, 1}, {102, 4}};
    QCOMPARE(toSteps(repeated, 5), cornered);
}

// The sequence chart read through block summaries against the same chart
// read packet by packet, over random ranges, widths and heights: every bar,
// line corner and mark the same, and the same value range.
void TestChartDecimation::blockSummariesReduceAsTheFullScan() {
    QRandomGenerator random(4242);
    for (int round = 0; round < 12; ++round) {
        const LoadedCapture capture = randomConnection(random, random.bounded(1, 30'000));
        const SequenceCheckpoints checkpoints(capture, 0);
        const PacketTimeIndex timeIndex(capture.packets, 0);
        const TimeNs duration = capture.connections[0].lastTime - capture.connections[0].firstTime;
        for (const Side sender : {kSideA, kSideB}) {
            const SequenceBlocks blocks(capture, 0, sender);
            for (int view = 0; view < 25; ++view) {
                ChartRequest request;
                request.capture = &capture;
                request.checkpoints = &checkpoints;
                request.timeIndex = &timeIndex;
                request.sender = sender;
                // Some ranges start before the connection or end after it.
                const TimeNs span = 1 + random.bounded(qint64{duration} + 1);
                request.begin = random.bounded(qint64{duration} - span + 2) - span / 4;
                request.end = request.begin + span;
                request.columns = random.bounded(1, 1500);
                request.rows = random.bounded(1, 900);
                const ChartContent full = buildSequenceChart(request);
                request.blocks = &blocks;
                const ChartContent summarised = buildSequenceChart(request);
                QCOMPARE(summarised.valueMin, full.valueMin);
                QCOMPARE(summarised.valueMax, full.valueMax);
                QCOMPARE(summarised.series.size(), full.series.size());
                for (std::size_t k = 0; k < full.series.size(); ++k) {
                    QCOMPARE(summarised.series[k].role, full.series[k].role);
                    QVERIFY(summarised.series[k].bars == full.series[k].bars);
                    QVERIFY(summarised.series[k].points == full.series[k].points);
                }
            }
        }
    }
}

void TestChartDecimation::barsAreTickedWhenSparseAndNeverOverlapWhenCrowded() {
    // 1000 px for 1000 ns and 500 px for 1000 bytes.
    PlotMapping mapping{QRectF(100, 50, 1000, 500), 0, 1000, 0, 1000};
    QCOMPARE(mapping.x(250), 350.0);
    QCOMPARE(mapping.y(250), 425.0);

    // Two bars far apart: an "I" (tick, stem, tick) with the stem `width`
    // wide, and a one-byte bar drawn `width` tall, too short for ticks.
    const std::vector<ChartBar> sparse = {{100, 100, 300}, {600, 400, 401}};
    const std::vector<QRectF> ticked = barRects(sparse, mapping, 2);
    QCOMPARE(ticked.size(), std::size_t{4});
    QCOMPARE(ticked[1].width(), 2.0);
    QCOMPARE(ticked[0].top(), mapping.y(300));
    QCOMPARE(ticked[2].bottom(), mapping.y(100));
    QVERIFY(ticked[0].width() > ticked[1].width());
    QCOMPARE(ticked[3].height(), 2.0);

    // One bar per pixel: plain stems that touch but do not overlap.
    std::vector<ChartBar> crowded;
    for (TimeNs t = 0; t < 1000; ++t)
        crowded.push_back({t, 10.0 * t, 10.0 * t + 5});
    const std::vector<QRectF> stems = barRects(crowded, mapping, 5);
    QCOMPARE(stems.size(), crowded.size());
    for (std::size_t i = 1; i < stems.size(); ++i)
        QVERIFY(stems[i].left() >= stems[i - 1].right() - 1e-9);
}

void TestChartDecimation::timeWindow_data() {
    QTest::addColumn<qint64>("begin");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("expectedBegin");
    QTest::addColumn<qint64>("expectedEnd");
    QTest::newRow("inside") << qint64{10'000} << qint64{20'000} << qint64{10'000} << qint64{20'000};
    QTest::newRow("pan past the start shifts")
        << qint64{-5000} << qint64{5000} << qint64{0} << qint64{10'000};
    QTest::newRow("pan past the end shifts")
        << qint64{95'000} << qint64{105'000} << qint64{90'000} << qint64{100'000};
    QTest::newRow("too narrow widens") << qint64{500} << qint64{600} << qint64{500} << qint64{1500};
    QTest::newRow("too wide is everything")
        << qint64{-1} << qint64{500'000} << qint64{0} << qint64{100'000};
}

void TestChartDecimation::timeWindow() {
    QFETCH(qint64, begin);
    QFETCH(qint64, end);
    QFETCH(qint64, expectedBegin);
    QFETCH(qint64, expectedEnd);
    TimeWindow window(100'000);
    window.set(begin, end);
    QCOMPARE(window.begin(), expectedBegin);
    QCOMPARE(window.end(), expectedEnd);
    window.set(0, 50'000);
    window.zoomAround(25'000, 0.5);
    QCOMPARE(window.begin(), TimeNs{12'500});
    QCOMPARE(window.end(), TimeNs{37'500});
}

QTEST_MAIN(TestChartDecimation)
#include "test_chart_decimation.moc"
