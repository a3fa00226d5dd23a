#include "ladder/capture_point_estimate.h"
#include "ladder/ladder_label_layout.h"
#include "ladder/ladder_layout.h"
#include "ladder/ladder_ticks.h"
#include "ladder_label_checks.h"
#include "ladder_test_support.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;
using Position = CapturePointEstimate::Position;

Q_DECLARE_METATYPE(Position)

class TestLadderLayout : public QObject {
    Q_OBJECT

private slots:
    void capturePoint_data() {
        QTest::addColumn<qint64>("synToSynAck");
        QTest::addColumn<qint64>("synAckToAck");
        QTest::addColumn<Position>("position");
        QTest::addColumn<double>("fraction");
        QTest::newRow("near client: server far, client answers at once")
            << 40 * kLadderMs << 1 * kLadderMs << Position::NearClient << 1.0 / 41;
        QTest::newRow("near server: SYN+ACK at once, client far")
            << 1 * kLadderMs << 40 * kLadderMs << Position::NearServer << 40.0 / 41;
        QTest::newRow("middle: equal halves")
            << 20 * kLadderMs << 20 * kLadderMs << Position::Middle << 0.5;
        QTest::newRow("loopback: both zero") << 0LL << 0LL << Position::Middle << 0.5;
    }
    void capturePoint() {
        QFETCH(qint64, synToSynAck);
        QFETCH(qint64, synAckToAck);
        QFETCH(Position, position);
        QFETCH(double, fraction);
        const auto estimate = estimateCapturePoint(synToSynAck, synAckToAck);
        QCOMPARE(estimate.position, position);
        QVERIFY(std::abs(estimate.fraction - fraction) < 1e-9);
        QCOMPARE(estimate.serverDelay, synToSynAck / 2);
        QCOMPARE(estimate.clientDelay, synAckToAck / 2);
        QVERIFY(explainCapturePoint(estimate, synToSynAck, synAckToAck).contains("round trip"));
    }

    void capturePointFromConnection_data() {
        QTest::addColumn<qint64>("synToSynAck");
        QTest::addColumn<qint64>("synAckToAck");
        QTest::addColumn<Position>("position");
        QTest::newRow("near client") << 60 * kLadderMs << 2 * kLadderMs << Position::NearClient;
        QTest::newRow("near server") << 2 * kLadderMs << 60 * kLadderMs << Position::NearServer;
        QTest::newRow("middle") << 30 * kLadderMs << 25 * kLadderMs << Position::Middle;
    }
    void capturePointFromConnection() {
        QFETCH(qint64, synToSynAck);
        QFETCH(qint64, synAckToAck);
        QFETCH(Position, position);
        const auto data = handshakeAndReset(synToSynAck, synAckToAck);
        QCOMPARE(data->estimate.position, position);
        const LadderLayout layout(data, {});
        const LadderColumns& c = layout.columns();
        QVERIFY(c.clientX < c.captureX && c.captureX < c.serverX);
        const double share = (c.captureX - c.clientX) / (c.serverX - c.clientX);
        QCOMPARE(share < kNearShare, position == Position::NearClient);
        QCOMPARE(share > 1 - kNearShare, position == Position::NearServer);
    }

    void noHandshakeIsFlat() {
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.clientSends(0, 100).serverSends(kLadderMs, 100);
        const auto data = buildLadderData(loadFrames(c.frames()), 0);
        QVERIFY(!data->estimate.known());
        const LadderLayout layout(data, {});
        QVERIFY(!layout.slanted());
        const LadderArrow arrow = layout.arrow(0);
        QCOMPARE(arrow.start.y(), arrow.end.y());
    }

    void arrowsGoFromSenderToReceiver() {
        const auto data = handshakeAndReset(20 * kLadderMs, 20 * kLadderMs);
        const LadderLayout layout(data, {});
        QCOMPARE(data->packetCount(), std::size_t{6});
        for (std::size_t i = 0; i < data->packetCount(); ++i) {
            const LadderArrow arrow = layout.arrow(i);
            const bool client = data->fromClient(i);
            QCOMPARE(arrow.fromClient, client);
            QCOMPARE(arrow.start.x(), client ? layout.columns().clientX : layout.columns().serverX);
            QCOMPARE(arrow.end.x(), client ? layout.columns().serverX : layout.columns().clientX);
            // Time flows down: sent before it was captured, captured before it arrived.
            QVERIFY(arrow.start.y() < arrow.captureY && arrow.captureY < arrow.end.y());
            QCOMPARE(arrow.pointAtX(layout.columns().captureX).y(), arrow.captureY);
        }
    }

    void timeAndYRoundTrip_data() {
        QTest::addColumn<int>("axis");
        QTest::addColumn<qint64>("time");
        QTest::newRow("true time, start") << 0 << 0LL;
        QTest::newRow("true time, before the idle gap") << 0 << 7 * kLadderMs;
        QTest::newRow("true time, inside the idle gap") << 0 << 30'000 * kLadderMs;
        QTest::newRow("true time, after the idle gap") << 0 << 60'020 * kLadderMs;
    }
    void timeAndYRoundTrip() {
        QFETCH(int, axis);
        QFETCH(qint64, time);
        const auto data = keepAliveConnection();
        LadderOptions options;
        options.axis = static_cast<TimeAxis>(axis);
        const LadderLayout layout(data, options);
        QVERIFY(std::abs(layout.timeForY(layout.yForTime(time)) - time) <= 1000);
    }

    void idleGapIsCut() {
        const auto data = keepAliveConnection();
        QCOMPARE(data->timeline.breaks.size(), std::size_t{1});
        QVERIFY(data->timeline.breaks[0].length() >= 59 * kNsPerSecond);
        LadderOptions options;
        options.pixelsPerSecond = 20'000; // 20 px per millisecond
        const LadderLayout layout(data, options);
        // A minute at 20 px/ms would be 1.2 million pixels; cut, it is a band.
        QVERIFY(layout.contentHeight() < 5000);
        const auto bands = layout.breaksBetween(0, layout.contentHeight());
        QCOMPARE(bands.size(), std::size_t{1});
        QCOMPARE(bands[0].bottom - bands[0].top, options.breakHeight);
        QCOMPARE(layout.stretchesBetween(0, layout.contentHeight()).size(), std::size_t{2});
    }

    void visiblePacketsByBinarySearch_data() {
        QTest::addColumn<int>("axis");
        QTest::newRow("true time") << 0;
        QTest::newRow("per packet") << 1;
    }
    void visiblePacketsByBinarySearch() {
        QFETCH(int, axis);
        const auto data = keepAliveConnection();
        LadderOptions options;
        options.axis = static_cast<TimeAxis>(axis);
        const LadderLayout layout(data, options);
        const auto [first, last] = layout.packetsBetween(0, layout.contentHeight());
        QCOMPARE(first, std::size_t{0});
        QCOMPARE(last, data->packetCount());
        const double y = layout.yForPacket(3);
        const auto [near, nearEnd] = layout.packetsBetween(y - 1, y + 1);
        QVERIFY(near <= 3 && 3 < nearEnd);
        QCOMPARE(layout.packetAt(layout.arrow(3).pointAtX(layout.columns().captureX + 20)),
                 std::optional<std::size_t>(3));
        // Beside the arrows, in the notes column, the same height hits nothing.
        QCOMPARE(layout.packetAt(QPointF(layout.columns().notesLeft + 50, y)),
                 std::optional<std::size_t>());
    }

    void labelsNeverOverlap_data() {
        QTest::addColumn<qint64>("spacing");
        QTest::newRow("20 µs apart: far closer than a label") << 20'000LL;
        // A 600 ms round trip slants each arrow across hundreds of labels'
        // height, so labels far apart in packet order meet.
        QTest::newRow("2 ms apart, long slanted arrows") << 2 * kLadderMs;
    }
    void labelsNeverOverlap() {
        QFETCH(qint64, spacing);
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(300 * kLadderMs, 300 * kLadderMs);
        for (int i = 0; i < 200; ++i)
            c.serverSends(spacing, 1448).clientSends(spacing / 4, 0);
        const auto data = buildLadderData(loadFrames(c.frames()), 0);
        LadderOptions options;
        options.pixelsPerSecond = 1000; // a round trip is 600 px
        const LadderLayout layout(data, options);
        // Widths that vary, as labels with badges and long numbers do.
        const auto width = [](const LadderLabel& label) {
            return 210.0 + static_cast<double>(label.first * 37 % 5) * 60.0;
        };
        const auto labels =
            layoutLabels(layout, 0, data->packetCount(), 0, layout.contentHeight(), width);
        std::vector<SeenLabel> seenLabels;
        std::size_t singles = 0;
        for (const LadderLabel& label : labels) {
            seenLabels.push_back(seen(*data, label));
            singles += label.single() ? 1 : 0;
            QCOMPARE(label.rect.width(), width(label));
            QCOMPARE(label.rect.height(), options.lineHeight);
            // Inside the sender's lane; below its arrow's start, never above.
            QVERIFY(label.rect.left() >= layout.columns().clientX);
            QVERIFY(label.rect.bottom() >= label.anchor.y() - 1e-9);
            if (label.fromClient)
                QCOMPARE(label.rect.left(), layout.columns().clientX + 10);
            else
                QCOMPARE(label.rect.right(), layout.columns().serverX - 10);
        }
        const QString problems =
            labelProblems(*data, packetRange(0, data->packetCount()), seenLabels);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(singles >= 2); // the SYN and the SYN+ACK at least
        // Both are far denser than a label a packet (2 ms is 2 px): bundles.
        QVERIFY(labels.size() < data->packetCount());
    }

    void defaultZoom_data() {
        QTest::addColumn<int>("story");
        QTest::addColumn<double>("viewHeight");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<bool>("roundTripPerScreen");
        QTest::newRow("short loopback connection: all of it")
            << int(Story::ShortLoopback) << 700.0 << true << false;
        QTest::newRow("long lossy transfer: at least 15 packets on the first screen")
            << int(Story::LongLossy) << 700.0 << false << false;
        QTest::newRow("long lossy transfer, tall window: a round trip per screen")
            << int(Story::LongLossy) << 2000.0 << false << true;
        QTest::newRow("60 s idle gap, cut from the axis: all of it")
            << int(Story::IdleMinute) << 700.0 << true << false;
    }
    void defaultZoom() {
        QFETCH(int, story);
        QFETCH(double, viewHeight);
        QFETCH(bool, whole);
        QFETCH(bool, roundTripPerScreen);
        const auto data = storyConnection(static_cast<Story>(story));
        LadderOptions options;
        options.viewHeight = viewHeight;
        const LadderLayout layout(data, options);
        std::size_t onFirstScreen = 0;
        while (onFirstScreen < data->packetCount() && layout.yForPacket(onFirstScreen) < viewHeight)
            ++onFirstScreen;
        const QString what = QStringLiteral("%1 of %2 packets on the first screen, %3 px/s")
                                 .arg(onFirstScreen)
                                 .arg(data->packetCount())
                                 .arg(layout.pixelsPerSecond());
        QCOMPARE(layout.contentHeight() <= viewHeight + 0.5, whole);
        if (whole)
            QVERIFY2(onFirstScreen == data->packetCount(), qPrintable(what));
        else
            QVERIFY2(onFirstScreen >= 15 && onFirstScreen < data->packetCount(), qPrintable(what));
        const double rttZoom = 600 / (static_cast<double>(*data->summary.handshakeRtt()) / 1e9);
        QVERIFY2(layout.pixelsPerSecond() <= rttZoom * 1.0001 || whole, qPrintable(what));
        if (roundTripPerScreen)
            QVERIFY2(std::abs(layout.pixelsPerSecond() - rttZoom) < 1e-6 * rttZoom,
                     qPrintable(what));
    }

    void tickStep_data() {
        QTest::addColumn<double>("pixelsPerSecond");
        QTest::addColumn<qint64>("step");
        QTest::newRow("1 px/ms, 50 px apart") << 1000.0 << 50 * kLadderMs;
        QTest::newRow("10 px/ms") << 10'000.0 << 5 * kLadderMs;
        QTest::newRow("3 px/ms rounds up to 20 ms") << 3000.0 << 20 * kLadderMs;
        QTest::newRow("1 px/s") << 1.0 << qint64(50 * kNsPerSecond);
    }
    void tickStep() {
        QFETCH(double, pixelsPerSecond);
        QFETCH(qint64, step);
        QCOMPARE(ui::tickStep(pixelsPerSecond, 50), step);
    }

    void tickLabel_data() {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("label");
        QTest::newRow("ms") << 250 * kLadderMs << 50 * kLadderMs << "250 ms";
        QTest::newRow("ms with decimals") << 2'500'000LL << 500'000LL << "2.5 ms";
        QTest::newRow("µs") << 40'000LL << 10'000LL << "40 µs";
        QTest::newRow("seconds") << 1'250 * kLadderMs << 50 * kLadderMs << "1.25 s";
        QTest::newRow("negative (sent before captured)")
            << -5 * kLadderMs << 5 * kLadderMs << "-5 ms";
    }
    void tickLabel() {
        QFETCH(qint64, time);
        QFETCH(qint64, step);
        QFETCH(QString, label);
        QCOMPARE(ui::tickLabel(time, step), label);
    }

    void tickTimes() {
        QCOMPARE(ui::tickTimes(3, 21, 5), (std::vector<TimeNs>{5, 10, 15, 20}));
        QCOMPARE(ui::tickTimes(-7, 1, 5), (std::vector<TimeNs>{-5, 0}));
    }

    void notes() {
        const auto data = handshakeAndReset(20 * kLadderMs, 10 * kLadderMs);
        QStringList texts;
        for (const LadderNote& note : data->notes)
            texts << note.text;
        const QString all = texts.join('|');
        QVERIFY2(all.contains("Handshake RTT 30.0 ms"), qPrintable(all));
        QVERIFY2(all.contains("First response byte"), qPrintable(all));
        QVERIFY2(all.contains("Reset by the client"), qPrintable(all));
    }

private:
    enum class Story { ShortLoopback, LongLossy, IdleMinute };

    static std::shared_ptr<const LadderData> storyConnection(Story story) {
        if (story == Story::IdleMinute)
            return keepAliveConnection();
        Conversation c("127.0.0.1", 47854, "127.0.0.1", 8000, kLadderStart);
        if (story == Story::ShortLoopback) {
            // Like a local HTTP fetch: a 26 µs handshake in a 15 ms connection.
            c.handshake(14'000, 12'000).clientSends(380'000, 90).serverSends(5'000, 0);
            c.serverSends(5 * kLadderMs, 204).clientSends(40'000, 0);
            for (int i = 0; i < 4; ++i)
                c.serverSends(5'000, 32768).clientSends(10'000, 0);
            c.serverFin(80'000).clientFin(3 * kLadderMs).serverSends(13'000, 0);
        } else {
            // A 60 ms round trip, then two thousand segments with some resent.
            c.handshake(30 * kLadderMs, 30 * kLadderMs).clientSends(kLadderMs, 300);
            for (int i = 0; i < 1000; ++i) {
                c.serverSends(kLadderMs, 1448).clientSends(kLadderMs / 2, 0);
                if (i % 50 == 49)
                    c.serverRetransmits(kLadderMs);
            }
        }
        return buildLadderData(loadFrames(c.frames()), 0);
    }

    static std::shared_ptr<const LadderData> keepAliveConnection() {
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(5 * kLadderMs, 5 * kLadderMs)
            .clientSends(kLadderMs, 100)
            .serverSends(5 * kLadderMs, 100)
            .clientSends(60'000 * kLadderMs, 100) // a minute of silence
            .serverSends(5 * kLadderMs, 100)
            .clientFin(kLadderMs)
            .serverFin(kLadderMs);
        return buildLadderData(loadFrames(c.frames()), 0);
    }
};

QTEST_MAIN(TestLadderLayout)
#include "test_ladder_layout.moc"
