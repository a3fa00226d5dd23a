#include "analysis/connection_facts.h"
#include "analysis/connection_timeline.h"
#include "analysis/rtt_samples.h"
#include "analysis/slow_rule.h"
#include "analysis/time_index.h"
#include "common/units_text.h"
#include "load/capture_loader.h"
#include "support/capture_writer.h"
#include "support/conversation_builder.h"
#include "tcp/endpoint_pattern.h"
#include "tcp/seq_math.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;

Q_DECLARE_METATYPE(tcpladder::ClientCut)
Q_DECLARE_METATYPE(tcpladder::ClosedBy)

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kStart = 1'700'000'000'000'000'000;

std::shared_ptr<LoadedCapture> load(const std::vector<Frame>& frames) {
    const TemporaryFile file(buildPcap(frames, {.nanosecond = true}));
    auto loaded = loadCapture(file.path());
    if (!loaded)
        qFatal("%s", loaded.error().c_str());
    return loaded.value();
}

// Handshake, a request and answer, a second answer lost and resent after a
// 200 ms stall, the client's last request acknowledged, 600 ms of quiet with
// nothing in flight, then both FINs. Packets 0-11.
Conversation lossyExchange() {
    Conversation c("10.0.0.1", 40000, "10.0.0.9", 443, kStart);
    c.handshake(10 * kMs, 1 * kMs)
        .clientSends(1 * kMs, 100)
        .serverSends(40 * kMs, 1000)
        .clientSends(30 * kMs, 100)
        .serverSends(5 * kMs, 1000)
        .serverRetransmits(200 * kMs)
        .clientSends(30 * kMs, 100)
        .serverSends(1 * kMs, 0)
        .clientFin(600 * kMs)
        .serverFin(1 * kMs);
    return c;
}

PacketStore storeWithTimes(const std::vector<TimeNs>& times) {
    PacketStore store;
    for (TimeNs time : times) {
        PacketRecord::Fields fields;
        fields.time = time;
        store.append(0, PacketRecord(fields));
    }
    return store;
}

} // namespace

class TestConnectionAnalysis : public QObject {
    Q_OBJECT

private slots:
    void unwrapClimbsPastTheWrap() {
        QCOMPARE(unwrapSeq(5, 0xFFFF'FFF0), std::int64_t{0x1'0000'0005});
        QCOMPARE(unwrapSeq(0xFFFF'FFF0, 0x1'0000'0005), std::int64_t{0xFFFF'FFF0});
        QCOMPARE(unwrapSeq(7, 3), std::int64_t{7});
    }

    void timeIndexFindsTheFirstPacketAtOrAfter_data() {
        QTest::addColumn<QList<qint64>>("times");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<int>("index");
        const QList<qint64> forward{100, 110, 110, 130};
        QTest::newRow("before the first") << forward << qint64{-5} << 0;
        QTest::newRow("at the first") << forward << qint64{0} << 0;
        QTest::newRow("equal times: the first of them") << forward << qint64{10} << 1;
        QTest::newRow("between") << forward << qint64{11} << 3;
        QTest::newRow("after the last") << forward << qint64{31} << 4;
        // Times 0, 10, 5, 20, 15, 30 since the first: the clock reached 10 at
        // packet 1 and 20 at packet 3, whatever came between.
        const QList<qint64> backwards{100, 110, 105, 120, 115, 130};
        QTest::newRow("backwards: reached at a step") << backwards << qint64{10} << 1;
        QTest::newRow("backwards: inside a step back") << backwards << qint64{12} << 3;
        QTest::newRow("backwards: the later peak") << backwards << qint64{16} << 3;
        QTest::newRow("backwards: the last") << backwards << qint64{30} << 5;
        const QList<qint64> firstIsLatest{100, 90, 95};
        QTest::newRow("first packet latest") << firstIsLatest << qint64{0} << 0;
        QTest::newRow("first packet latest, after") << firstIsLatest << qint64{1} << 3;
    }

    void timeIndexFindsTheFirstPacketAtOrAfter() {
        QFETCH(QList<qint64>, times);
        QFETCH(qint64, time);
        QFETCH(int, index);
        const PacketStore store = storeWithTimes({times.begin(), times.end()});
        const PacketTimeIndex search(store, 0);
        QCOMPARE(search.packetCount(), static_cast<std::size_t>(times.size()));
        QCOMPARE(search.firstAtOrAfter(time), static_cast<std::size_t>(index));
    }

    void rttSamplesFollowKarnsRule() {
        const auto capture = load(lossyExchange().frames());
        const std::vector<RttSample> samples = computeRttSamples(*capture, 0, kSideB);
        // The SYN+ACK answered 1 ms later, the first answer 30 ms later; the
        // resent second answer gives none; nor does the bare ACK of packet 9.
        QCOMPARE(samples.size(), std::size_t{2});
        QCOMPARE(samples[0].rtt, 1 * kMs);
        QCOMPARE(samples[0].segmentIndex, 1u);
        QCOMPARE(samples[0].ackIndex, 2u);
        QCOMPARE(samples[1].rtt, 30 * kMs);
        QCOMPARE(samples[1].segmentIndex, 4u);
        QCOMPARE(samples[1].ackIndex, 5u);
        QCOMPARE(samples[1].time, 82 * kMs);
    }

    void stallsNeedDataInFlight() {
        const auto capture = load(lossyExchange().frames());
        ConnectionSummary summary;
        const ConnectionTimeline timeline = buildConnectionTimeline(*capture, 0, {}, &summary);
        // The 200 ms before the resend had 1000 server bytes waiting; the
        // 600 ms before the FIN had nothing in flight.
        QCOMPARE(timeline.stalls.size(), std::size_t{1});
        const Silence& stall = timeline.stalls.front();
        QCOMPARE(stall.before, std::size_t{7});
        QCOMPARE(stall.begin, 87 * kMs);
        QCOMPARE(stall.length(), 200 * kMs);
        QCOMPARE(stall.outstanding, 1000u);
        QVERIFY(!stall.outstandingFromClient);
        QVERIFY(timeline.breaks.empty());
        QCOMPARE(timeline.duration, 919 * kMs);
        QCOMPARE(findStalls(*capture, 0).size(), std::size_t{1});
        QCOMPARE(findStalls(*capture, 0, {.idleBreak = kNsPerSecond, .stall = 201 * kMs}).size(),
                 std::size_t{0});
    }

    void milestonesAndThinkTime() {
        const auto capture = load(lossyExchange().frames());
        ConnectionSummary summary;
        buildConnectionTimeline(*capture, 0, {}, &summary);
        const Milestones& at = summary.at;
        QCOMPARE(at.syn, std::optional<std::size_t>(0));
        QCOMPARE(at.synAck, std::optional<std::size_t>(1));
        QCOMPARE(at.handshakeAck, std::optional<std::size_t>(2));
        QCOMPARE(at.firstClientPayload, std::optional<std::size_t>(3));
        QCOMPARE(at.firstServerPayload, std::optional<std::size_t>(4));
        QCOMPARE(at.firstFin, std::optional<std::size_t>(10));
        QCOMPARE(at.firstRst, std::optional<std::size_t>());
        // First server byte 40 ms after the request, less the 10 ms round
        // trip from the capture point to the server.
        QCOMPARE(summary.timeToFirstServerByte, std::optional<TimeNs>(40 * kMs));
        QCOMPARE(summary.serverThinkTime(), std::optional<TimeNs>(30 * kMs));
        QCOMPARE(summary.clientCut, ClientCut::No);
        QCOMPARE(summarizeConnection(*capture, 0).at.firstFin, at.firstFin);
    }

    void thinkTimeNeedsTheHandshake() {
        Conversation c("10.0.0.1", 40000, "10.0.0.9", 443, kStart);
        c.clientSends(0, 100).serverSends(50 * kMs, 100);
        const auto capture = load(c.frames());
        const ConnectionSummary summary = summarizeConnection(*capture, 0);
        QCOMPARE(summary.timeToFirstServerByte, std::optional<TimeNs>(50 * kMs));
        QCOMPARE(summary.serverThinkTime(), std::optional<TimeNs>());
    }

    void cutShortByTheClient_data() {
        QTest::addColumn<int>("ending");
        QTest::addColumn<ClientCut>("cut");
        QTest::addColumn<ClosedBy>("closedBy");
        QTest::addColumn<quint64>("bytesBeforeClose");
        QTest::addColumn<qint64>("closeAfterMs");
        QTest::newRow("client RST mid-answer")
            << 0 << ClientCut::Reset << ClosedBy::ClientRst << quint64{4300} << qint64{37};
        QTest::newRow("client FIN while the server sends")
            << 1 << ClientCut::FinMidAnswer << ClosedBy::ClientFin << quint64{1700} << qint64{33};
        QTest::newRow("client FIN, no answer")
            << 2 << ClientCut::FinBeforeAnswer << ClosedBy::ClientFin << quint64{300}
            << qint64{2012};
        QTest::newRow("client FIN, answer only after it")
            << 3 << ClientCut::FinBeforeAnswer << ClosedBy::ClientFin << quint64{300} << qint64{17};
        QTest::newRow("server closes first")
            << 4 << ClientCut::No << ClosedBy::ServerFin << quint64{1700} << qint64{33};
        QTest::newRow("server reset")
            << 5 << ClientCut::No << ClosedBy::ServerRst << quint64{1700} << qint64{33};
        QTest::newRow("client FIN, then RST")
            << 6 << ClientCut::Reset << ClosedBy::ClientFin << quint64{1700} << qint64{33};
    }

    void cutShortByTheClient() {
        QFETCH(int, ending);
        QFETCH(ClientCut, cut);
        QFETCH(ClosedBy, closedBy);
        QFETCH(quint64, bytesBeforeClose);
        QFETCH(qint64, closeAfterMs);
        Conversation c("10.0.0.1", 40000, "10.0.0.9", 443, kStart);
        c.handshake(10 * kMs, 1 * kMs).clientSends(1 * kMs, 300);
        switch (ending) {
        case 0:
            c.serverSends(20 * kMs, 4000).clientRst(5 * kMs);
            break;
        case 1:
            c.serverSends(20 * kMs, 1400).clientFin(1 * kMs).serverSends(1 * kMs, 1400);
            break;
        case 2:
            c.clientFin(2000 * kMs);
            break;
        case 3:
            c.clientFin(5 * kMs).serverSends(1 * kMs, 500);
            break;
        case 4:
            c.serverSends(20 * kMs, 1400).serverFin(1 * kMs).clientFin(1 * kMs);
            break;
        case 5:
            c.serverSends(20 * kMs, 1400).serverRst(1 * kMs);
            break;
        case 6:
            c.serverSends(20 * kMs, 1400).clientFin(1 * kMs).clientRst(1 * kMs);
            break;
        }
        const auto capture = load(c.frames());
        const auto facts = computeConnectionFacts(*capture);
        QVERIFY(facts);
        const ConnectionSummary& summary = facts->front().summary;
        QCOMPARE(summary.clientCut, cut);
        QCOMPARE(facts->front().clientCutShort(), cut != ClientCut::No);
        QCOMPARE(summary.closedBy, closedBy);
        QCOMPARE(summary.bytesBeforeClose, std::uint64_t{bytesBeforeClose});
        QCOMPARE(summary.closeAfter, closeAfterMs * kMs);
    }

    void slowRuleAgainstPeersOrAFixedThreshold() {
        // Three connections to one server with RTTs of 20, 30 and 400 ms.
        std::vector<std::vector<Frame>> all;
        std::uint16_t port = 40000;
        for (const std::int64_t rtt : {20 * kMs, 30 * kMs, 400 * kMs}) {
            Conversation c("10.0.0.1", port, "10.0.0.9", 443, kStart + port * kMs);
            c.handshake(rtt - kMs, kMs);
            all.push_back(c.frames());
            ++port;
        }
        const auto capture = load(mergeByTime(all));
        const auto facts = *computeConnectionFacts(*capture);
        const SlowRule automatic;
        // The others' median: of 30 and 400 ms, of 20 and 400, of 20 and 30.
        QCOMPARE(facts[0].peerMedianRtt, std::optional<TimeNs>(215 * kMs));
        QCOMPARE(facts[2].peerMedianRtt, std::optional<TimeNs>(25 * kMs));
        QCOMPARE(automatic.rttThreshold(facts[2]), SlowRule::kFloor);
        QVERIFY(automatic.isSlow(facts[2]));
        QVERIFY(!automatic.isSlow(facts[0]) && !automatic.isSlow(facts[1]));
        const SlowRule fixed{.fixedThreshold = 25 * kMs};
        QVERIFY(!fixed.isSlow(facts[0]));
        QVERIFY(fixed.isSlow(facts[1]) && fixed.isSlow(facts[2]));
    }

    void endpointPatterns_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("matchesServer"); // 10.0.0.9:443
        QTest::newRow("address") << "10.0.0.9" << true << true;
        QTest::newRow("other address") << "10.0.0.8" << true << false;
        QTest::newRow("port") << ":443" << true << true;
        QTest::newRow("other port") << ":80" << true << false;
        QTest::newRow("both") << "10.0.0.9:443" << true << true;
        QTest::newRow("v6 in brackets") << "[2001:db8::1]:443" << true << false;
        QTest::newRow("v6 bare") << "2001:db8::1" << true << false;
        QTest::newRow("port too large") << ":65536" << false << false;
        QTest::newRow("not an address") << "server" << false << false;
        QTest::newRow("unclosed bracket") << "[2001:db8::1" << false << false;
        QTest::newRow("empty port") << "10.0.0.9:" << false << false;
    }

    void endpointPatterns() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, matchesServer);
        const auto pattern = parseEndpointPattern(text.toStdString());
        QCOMPARE(pattern.has_value(), valid);
        if (!pattern)
            return;
        Endpoint server;
        server.address = parseEndpointPattern("10.0.0.9")->address.value();
        server.port = 443;
        QCOMPARE(pattern->matches(server), matchesServer);
    }

    void unitsForPeople_data() {
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<QString>("text");
        QTest::newRow("ns") << qint64{999} << "999 ns";
        QTest::newRow("µs") << qint64{45'200} << "45.2 µs";
        QTest::newRow("ms") << qint64{51'300'000} << "51.3 ms";
        QTest::newRow("rounds up to s") << qint64{999'600'000} << "1.00 s";
        QTest::newRow("minutes") << qint64{125} * kNsPerSecond << "2 min 05 s";
        QTest::newRow("negative") << qint64{-1'500'000} << "−1.50 ms";
    }

    void unitsForPeople() {
        QFETCH(qint64, duration);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(durationText(duration)), text);
        QCOMPARE(QString::fromStdString(bytesText(5700)), QStringLiteral("5.70 kB"));
        QCOMPARE(QString::fromStdString(bytesText(999)), QStringLiteral("999 B"));
        QCOMPARE(QString::fromStdString(bytesText(999'600)), QStringLiteral("1.00 MB"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionAnalysis)
#include "test_connection_analysis.moc"
