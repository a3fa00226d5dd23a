#include "analysis/connection_summary.h"
#include "load/capture_loader.h"
#include "support/capture_writer.h"
#include "support/packet_builder.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;

namespace {

constexpr std::int64_t kMs = 1'000'000;

struct Step {
    std::int64_t atMs;
    bool fromClient;
    std::uint8_t flags;
    std::uint32_t payload = 0;
};

ConnectionSummary summarize(const std::vector<Step>& steps) {
    std::vector<Frame> frames;
    std::uint32_t clientSeq = 1000, serverSeq = 5000;
    for (const Step& step : steps) {
        TcpSpec spec{
            .srcPort = 50000, .dstPort = 443, .flags = step.flags, .payloadLength = step.payload};
        std::uint32_t& own = step.fromClient ? clientSeq : serverSeq;
        spec.seq = own;
        spec.ack = (step.flags & 0x10) ? (step.fromClient ? serverSeq : clientSeq) : 0;
        own += step.payload + ((step.flags & 0x03) ? 1 : 0);
        if (!step.fromClient)
            std::swap(spec.srcPort, spec.dstPort);
        const Bytes ip = step.fromClient ? ipv4("10.1.1.1", "10.2.2.2", kProtoTcp, tcp(spec))
                                         : ipv4("10.2.2.2", "10.1.1.1", kProtoTcp, tcp(spec));
        frames.push_back({1'000'000'000'000'000'000 + step.atMs * kMs, ethernet(0x0800, ip)});
    }
    TemporaryFile file(buildPcap(frames, {.nanosecond = true}));
    const auto loaded = loadCapture(file.path());
    if (!loaded || loaded.value()->connections.empty())
        qFatal("no connection");
    return summarizeConnection(*loaded.value(), 0);
}

const std::vector<Step> kHandshake = {{0, true, 0x02}, {30, false, 0x12}, {31, true, 0x10}};

std::vector<Step> handshakeThen(std::vector<Step> rest) {
    std::vector<Step> all = kHandshake;
    all.insert(all.end(), rest.begin(), rest.end());
    return all;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<Step>)
Q_DECLARE_METATYPE(tcpladder::ConnState)
Q_DECLARE_METATYPE(tcpladder::ClosedBy)

class TestConnectionSummary : public QObject {
    Q_OBJECT

private slots:
    void zeekLikeStates_data() {
        QTest::addColumn<std::vector<Step>>("steps");
        QTest::addColumn<ConnState>("state");
        QTest::addColumn<ClosedBy>("closedBy");
        QTest::newRow("S0 no reply")
            << std::vector<Step>{{0, true, 0x02}} << ConnState::S0 << ClosedBy::Nobody;
        QTest::newRow("REJ") << std::vector<Step>{{0, true, 0x02}, {1, false, 0x14}}
                             << ConnState::REJ << ClosedBy::ServerRst;
        QTest::newRow("S1 open") << kHandshake << ConnState::S1 << ClosedBy::Nobody;
        QTest::newRow("SF") << handshakeThen(
                                   {{40, true, 0x11}, {50, false, 0x11}, {51, true, 0x10}})
                            << ConnState::SF << ClosedBy::ClientFin;
        QTest::newRow("S2 client closed")
            << handshakeThen({{40, true, 0x11}}) << ConnState::S2 << ClosedBy::ClientFin;
        QTest::newRow("S3 server closed")
            << handshakeThen({{40, false, 0x11}}) << ConnState::S3 << ClosedBy::ServerFin;
        QTest::newRow("RSTO") << handshakeThen({{40, true, 0x14}}) << ConnState::RSTO
                              << ClosedBy::ClientRst;
        QTest::newRow("RSTR after client FIN")
            << handshakeThen({{40, true, 0x11}, {41, false, 0x14}}) << ConnState::RSTR
            << ClosedBy::ClientFin;
        QTest::newRow("RSTOS0") << std::vector<Step>{{0, true, 0x02}, {5, true, 0x04}}
                                << ConnState::RSTOS0 << ClosedBy::ClientRst;
        QTest::newRow("SH") << std::vector<Step>{{0, true, 0x02}, {5, true, 0x01}} << ConnState::SH
                            << ClosedBy::ClientFin;
        QTest::newRow("RSTRH") << std::vector<Step>{{0, false, 0x12}, {5, false, 0x04}}
                               << ConnState::RSTRH << ClosedBy::ServerRst;
        QTest::newRow("SHR") << std::vector<Step>{{0, false, 0x12}, {5, false, 0x11}}
                             << ConnState::SHR << ClosedBy::ServerFin;
        QTest::newRow("OTH midstream") << std::vector<Step>{{0, true, 0x18, 10}, {3, false, 0x10}}
                                       << ConnState::OTH << ClosedBy::Nobody;
    }

    void zeekLikeStates() {
        QFETCH(std::vector<Step>, steps);
        QFETCH(ConnState, state);
        QFETCH(ClosedBy, closedBy);
        const ConnectionSummary summary = summarize(steps);
        QCOMPARE(connStateCode(summary.state), connStateCode(state));
        QCOMPARE(closedByText(summary.closedBy), closedByText(closedBy));
    }

    void handshakeAndFirstByteTimes() {
        const ConnectionSummary summary =
            summarize(handshakeThen({{32, true, 0x18, 200}, {150, false, 0x18, 1400}}));
        QCOMPARE(*summary.synToSynAck, 30 * kMs);
        QCOMPARE(*summary.synAckToAck, 1 * kMs);
        QCOMPARE(*summary.handshakeRtt(), 31 * kMs);
        QCOMPARE(*summary.timeToFirstServerByte, 118 * kMs);
    }
};

QTEST_APPLESS_MAIN(TestConnectionSummary)
#include "test_connection_summary.moc"
