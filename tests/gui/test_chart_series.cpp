#include "chart/chart_builder.h"
#include "chart/packet_hit.h"
#include "chart/rtt_chart.h"
#include "test_chart_capture.h"

#include <QTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test::chart;

namespace {

const ChartSeries& seriesOf(const ChartContent& content, SeriesRole role) {
    const ChartSeries* series = content.find(role);
    if (!series)
        qFatal("role missing");
    return *series;
}

bool covers(const std::vector<ChartBar>& bars, TimeNs time, double low, double high, TimeNs slack) {
    return std::any_of(bars.begin(), bars.end(), [&](const ChartBar& b) {
        return std::abs(b.time - time) <= slack && b.low <= low && b.high >= high;
    });
}

} // namespace

class TestChartSeries : public QObject {
    Q_OBJECT

private slots:
    void sequenceChartShowsTheLoss();
    void sackBlocksFollowTheReadLimit();
    void directionToggleChartsTheOtherSide();
    void rttFollowsKarnsRule();
    void throughputAndWindow();
    void clickFindsTheRetransmission();
};

void TestChartSeries::sequenceChartShowsTheLoss() {
    LossyCapture lossy;
    ConnectionChartData data(lossy.capture, 0);
    QCOMPARE(data.busierSide(), kSideB); // the server sends 8000 bytes, the client 100
    ChartRequest request = data.request(data.busierSide());
    request.columns = 1000; // 0.1 ms per column: every packet its own column
    const ChartContent content = data.build(ChartKind::Sequence, request);
    const TimeNs slack = 100'000;

    const auto& segments = seriesOf(content, SeriesRole::Segments).bars;
    const auto& resent = seriesOf(content, SeriesRole::Retransmissions).bars;
    QCOMPARE(segments.size(), std::size_t{8});
    QCOMPARE(resent.size(), std::size_t{1});
    QVERIFY(covers(resent, 60 * kMs, 2001, 3001, slack));
    QCOMPARE(resent[0].low, 2001.0);
    QCOMPARE(resent[0].high, 3001.0);
    for (int k = 0; k < 8; ++k)
        QVERIFY(covers(segments, (40 + k) * kMs, 1 + 1000 * k, 1001 + 1000 * k, slack));

    // The ACK line holds 2001 from the ACK at 51 ms through the duplicate
    // ACKs until the step up at 70 ms.
    const auto& acks = seriesOf(content, SeriesRole::AckLine).points;
    const auto has = [&](TimeNs time, double value) {
        return std::any_of(acks.begin(), acks.end(),
                           [&](const ChartPoint& p) { return p.time == time && p.value == value; });
    };
    QVERIFY(has(51 * kMs, 2001));
    QVERIFY(has(70 * kMs, 2001));
    QVERIFY(has(70 * kMs, 8001));
    double highest = 0;
    for (const ChartPoint& p : acks)
        highest = std::max(highest, p.value);
    QCOMPARE(highest, 8002.0); // the FIN's sequence number counts too
    // The window limit stays one client window above the ACK line.
    const auto& limit = seriesOf(content, SeriesRole::WindowLimit).points;
    QVERIFY(std::any_of(limit.begin(), limit.end(),
                        [](const ChartPoint& p) { return p.value == 2001 + kClientWindow; }));
    QCOMPARE(seriesOf(content, SeriesRole::Syn).points.size(), std::size_t{2});
    QCOMPARE(seriesOf(content, SeriesRole::Fin).points.size(), std::size_t{2});
    QVERIFY(seriesOf(content, SeriesRole::Rst).points.empty());
    QVERIFY(seriesOf(content, SeriesRole::ZeroWindow).points.empty());
    QVERIFY(content.valueMin <= 0);
    QVERIFY(content.valueMax >= 8001);
}

void TestChartSeries::sackBlocksFollowTheReadLimit() {
    LossyCapture lossy;
    ConnectionChartData data(lossy.capture, 0);
    ChartRequest request = data.request(kSideB);
    request.columns = 1000;
    const auto sack =
        seriesOf(data.build(ChartKind::Sequence, request), SeriesRole::SackBlocks).bars;
    // Duplicate ACKs at 53..57 ms carry 3001..4001 up to 3001..8001.
    QCOMPARE(sack.size(), std::size_t{5});
    QVERIFY(covers(sack, 57 * kMs, 3001, 8001, 100'000));

    request.sackReadLimit = 3;
    const ChartContent limited = data.build(ChartKind::Sequence, request);
    QVERIFY(seriesOf(limited, SeriesRole::SackBlocks).bars.empty());
    QVERIFY(!limited.note.empty());
}

void TestChartSeries::directionToggleChartsTheOtherSide() {
    LossyCapture lossy;
    ConnectionChartData data(lossy.capture, 0);
    ChartRequest request = data.request(kSideA);
    request.columns = 1000;
    const ChartContent content = data.build(ChartKind::Sequence, request);
    const auto& segments = seriesOf(content, SeriesRole::Segments).bars;
    QCOMPARE(segments.size(), std::size_t{1}); // the client's 100-byte request
    QCOMPARE(segments[0].low, 1.0);
    QCOMPARE(segments[0].high, 101.0);
    QVERIFY(seriesOf(content, SeriesRole::Retransmissions).bars.empty());
    // Now the server's ACKs make the ACK line: 101 once the request is acknowledged.
    const auto& acks = seriesOf(content, SeriesRole::AckLine).points;
    QVERIFY(
        std::any_of(acks.begin(), acks.end(), [](const ChartPoint& p) { return p.value == 101; }));
}

void TestChartSeries::rttFollowsKarnsRule() {
    LossyCapture lossy;
    const auto samples = computeRttSamples(*lossy.capture, 0, kSideB);
    // The SYN/ACK, segments 0 and 1 and the FIN are acknowledged 10 ms after
    // they left. The ACK at 70 ms covers the resent segment 2 (no sample)
    // and, newest, segment 7, sent once: 70 - 47 = 23 ms.
    QCOMPARE(samples.size(), std::size_t{5});
    const TimeNs expected[] = {10 * kMs, 10 * kMs, 10 * kMs, 23 * kMs, 10 * kMs};
    for (std::size_t i = 0; i < samples.size(); ++i)
        QCOMPARE(samples[i].rtt, expected[i]);
    for (const RttSample& s : samples)
        QVERIFY(lossy.capture->packets.at(0, s.segmentIndex).relativeSeq() != 2001);

    ConnectionChartData data(lossy.capture, 0);
    ChartRequest request = data.request(kSideB);
    const ChartContent content = data.build(ChartKind::Rtt, request);
    QCOMPARE(seriesOf(content, SeriesRole::Rtt).points.size(), std::size_t{5});
}

void TestChartSeries::throughputAndWindow() {
    LossyCapture lossy;
    ConnectionChartData data(lossy.capture, 0);
    ChartRequest request = data.request(kSideB);
    request.throughputWindow = 10 * kMs;
    const ChartContent throughput = data.build(ChartKind::Throughput, request);
    const auto& all = seriesOf(throughput, SeriesRole::Throughput).points;
    const auto& good = seriesOf(throughput, SeriesRole::Goodput).points;
    double peak = 0;
    for (const ChartPoint& p : all)
        peak = std::max(peak, p.value);
    // All eight segments inside one 10 ms window: 8000 bytes per 10 ms.
    QCOMPARE(peak, 8000 * 8 / 0.010);
    // The resent segment adds to throughput but not to goodput.
    const auto at60 = [](const std::vector<ChartPoint>& points) {
        double value = 0;
        for (const ChartPoint& p : points)
            if (p.time == 60 * kMs)
                value = p.value;
        return value;
    };
    QCOMPARE(at60(all), 1000 * 8 / 0.010);
    QCOMPARE(at60(good), 0.0);

    const ChartContent window = data.build(ChartKind::Window, request);
    const auto& advertised = seriesOf(window, SeriesRole::AdvertisedWindow).points;
    QVERIFY(std::all_of(advertised.begin(), advertised.end(),
                        [](const ChartPoint& p) { return p.value == kClientWindow; }));
    const auto& flight = seriesOf(window, SeriesRole::BytesInFlight).points;
    double most = 0;
    for (const ChartPoint& p : flight)
        most = std::max(most, p.value);
    QCOMPARE(most, 8000.0); // at 47 ms all eight segments are out, none acknowledged
}

void TestChartSeries::clickFindsTheRetransmission() {
    LossyCapture lossy;
    ConnectionChartData data(lossy.capture, 0);
    ChartRequest request = data.request(kSideB);
    ChartClick click;
    click.time = 60 * kMs + 20'000;
    click.value = 2500;
    click.nsPerPixel = 100'000;
    click.valuePerPixel = 20;
    const auto hit = findPacketAt(ChartKind::Sequence, request, click);
    QVERIFY(hit);
    const PacketRecord& record = lossy.capture->packets.at(0, *hit);
    QCOMPARE(record.time() - lossy.capture->connections[0].firstTime, 60 * kMs);
    QCOMPARE(record.relativeSeq(), 2001u);
    const auto where = packetPosition(ChartKind::Sequence, request, *hit);
    QVERIFY(where);
    QCOMPARE(where->value, 2501.0);
    click.value = 50'000; // far from every bar and the ACK line
    QVERIFY(!findPacketAt(ChartKind::Sequence, request, click));
}

QTEST_MAIN(TestChartSeries)
#include "test_chart_series.moc"
