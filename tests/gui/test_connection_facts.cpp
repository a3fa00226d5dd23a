#include "analysis/connection_facts.h"
#include "format/connection_words.h"
#include "gui_test_support.h"
#include "load/capture_loader.h"
#include "models/slow_rule.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;
using namespace tcpladder::ui;

class TestConnectionFacts : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TemporaryFile> m_file;
    std::shared_ptr<LoadedCapture> m_capture;
    std::vector<ConnectionFacts> m_facts;

    QList<int> idsWhere(const std::function<bool(const ConnectionFacts&)>& test) const {
        QList<int> ids;
        for (std::size_t id = 0; id < m_facts.size(); ++id) {
            if (test(m_facts[id]))
                ids << static_cast<int>(id);
        }
        return ids;
    }

private slots:
    void initTestCase() {
        m_file = scenarioCapture();
        auto loaded = loadCapture(m_file->path());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        m_capture = loaded.value();
        QCOMPARE(m_capture->connections.size(), std::size_t{12});
        auto facts = computeConnectionFacts(*m_capture);
        QVERIFY(facts);
        m_facts = std::move(*facts);
    }

    void peersAreTheOtherConnectionsToTheSameServer() {
        // 10.0.0.9:443 without connection 2: 20.1, 21.1, 19.1, 20.1, 300.1 ms.
        QCOMPARE(m_facts[2].peerMedianRtt, std::optional<TimeNs>(20'100'000));
        // Without connection 10 the 400.1 ms handshake is among the others.
        QCOMPARE(m_facts[10].peerMedianRtt, std::optional<TimeNs>(20'100'000));
    }

    void aServerSeenOnceIsComparedWithEveryoneElse() {
        QVERIFY(m_facts[8].peerMedianRtt.has_value());
        QVERIFY(m_facts[9].peerMedianRtt.has_value());
        QVERIFY(!SlowRule{}.isSlow(m_facts[8]));
    }

    void slowByDefaultIsRelativeToTheServer() {
        const SlowRule rule;
        QCOMPARE(idsWhere([&](const ConnectionFacts& f) { return rule.isSlow(f); }),
                 (QList<int>{2, 3, 10}));
        QVERIFY(rule.rttSlow(m_facts[2]));
        QVERIFY(!rule.ttfbSlow(m_facts[2]));
        QVERIFY(rule.ttfbSlow(m_facts[3]));
        QCOMPARE(rule.rttThreshold(m_facts[2]), SlowRule::kFloor);
    }

    void aFixedThresholdAppliesToEveryConnection() {
        SlowRule rule;
        rule.fixedThreshold = 350'000'000;
        QCOMPARE(idsWhere([&](const ConnectionFacts& f) { return rule.isSlow(f); }),
                 (QList<int>{2, 3}));
        QVERIFY(slowRuleDescription(rule).contains(QStringLiteral("350 ms")));
    }

    void clientCutShortIsAResetOrAnEarlyFin() {
        QCOMPARE(idsWhere([](const ConnectionFacts& f) { return f.clientCutShort(); }),
                 (QList<int>{4, 7, 11}));
        QCOMPARE(m_facts[4].summary.clientCut, ClientCut::Reset);
        QCOMPARE(m_facts[7].summary.clientCut, ClientCut::FinMidAnswer);
        QCOMPARE(m_facts[11].summary.clientCut, ClientCut::FinBeforeAnswer);
        QCOMPARE(m_facts[0].summary.clientCut, ClientCut::No);
        QCOMPARE(m_facts[9].summary.clientCut, ClientCut::No);
        QCOMPARE(m_facts[4].summary.closedBy, ClosedBy::ClientRst);
        QCOMPARE(m_facts[7].summary.closedBy, ClosedBy::ClientFin);
    }

    void troubleIsRetransmissionsOrZeroWindows() {
        QCOMPARE(idsWhere([](const ConnectionFacts& f) {
                     return f.summary.retransmissions > 0 || f.summary.zeroWindows > 0;
                 }),
                 (QList<int>{5, 6}));
    }

    void theEndingInWords() {
        QCOMPARE(m_facts[4].summary.bytesBeforeClose, std::uint64_t{300 + 4000 + 1400});
        QCOMPARE(closeInWords(m_facts[4]),
                 QStringLiteral("reset by client after 5.70 kB, 51.3 ms in"));
        QVERIFY(closeInWords(m_facts[7])
                    .endsWith(QStringLiteral("while the server was still sending")));
        QCOMPARE(
            closeInWords(m_facts[11]),
            QStringLiteral("closed by client after 300 B, 2.01 s in, before the server answered"));
        QCOMPARE(stateInWords(m_facts[4]),
                 QStringLiteral("RSTO: established, reset by the client"));
    }

    void givingUpReturnsNothing() {
        QVERIFY(!computeConnectionFacts(*m_capture, [](std::size_t) { return false; }));
    }
};

QTEST_GUILESS_MAIN(TestConnectionFacts)
#include "test_connection_facts.moc"
