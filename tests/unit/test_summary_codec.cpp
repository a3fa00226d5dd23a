#include "messages/summary_codec.h"
#include "store/application_summaries.h"

#include <QtTest>

using namespace tcpladder;

namespace {

// Built with designated initializers: GCC 12 warns falsely (-Wrestrict)
// on assigning short literals to the strings of a default-built summary.
HttpExchange exchange(std::uint32_t index, const char* target, TimeNs wait) {
    return {.index = index,
            .method = "GET",
            .target = target,
            .status = wait < 0 ? 0u : 200u,
            .requestFrame = 4 + 10ull * index,
            .responseFrame = wait < 0 ? 0 : 6 + 10ull * index,
            .wait = wait};
}

ApplicationSummary keepAlive() {
    const HttpExchange first = exchange(0, "/", 2'000'000);
    const HttpExchange slowest =
        exchange(1, "/api/orders?customer=1234567890&page=2", 1'040'000'000);
    return {.protocol = MessageProtocol::Http,
            .requests = 3,
            .responses = 2,
            .host = "api.example.com",
            .first = first,
            .slowest = slowest,
            .risingWaits = {first, slowest},
            .waits = {2'000'000, 1'040'000'000}};
}

ApplicationSummary scenario(int which) {
    switch (which) {
    case 1:
        return keepAlive();
    case 2: {
        const HttpExchange only = exchange(0, "/index.html", 30'000'000);
        return {.protocol = MessageProtocol::Http,
                .requests = 1,
                .responses = 1,
                .first = only,
                .slowest = only,
                .risingWaits = {only},
                .waits = {30'000'000}};
    }
    case 3:
        return {.protocol = MessageProtocol::Http,
                .truncated = true,
                .requests = 1,
                .first = exchange(0, "/upload", -1)};
    case 4:
        return {.protocol = MessageProtocol::Tls,
                .sni = "www.example.org",
                .alpn = "h2",
                .tlsVersion = 0x0304,
                .alert = "fatal handshake_failure"};
    case 5:
        return {.protocol = MessageProtocol::Ssh,
                .clientText = "SSH-2.0-OpenSSH_9.2p1 Debian-2",
                .serverText = "SSH-2.0-OpenSSH_8.4"};
    default:
        return {};
    }
}

std::vector<std::uint8_t> encoded(const ApplicationSummary& s) {
    std::vector<std::uint8_t> bytes;
    encodeSummary(s, bytes);
    return bytes;
}

} // namespace

class TestSummaryCodec : public QObject {
    Q_OBJECT

private slots:
    void roundTrips_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("nothing recognised") << 0;
        QTest::newRow("keep-alive HTTP, slowest not first") << 1;
        QTest::newRow("one request, slowest is first") << 2;
        QTest::newRow("request without response, truncated") << 3;
        QTest::newRow("TLS with alert") << 4;
        QTest::newRow("SSH banners") << 5;
    }
    void roundTrips() {
        QFETCH(int, which);
        const ApplicationSummary s = scenario(which);
        const auto bytes = encoded(s);
        const auto back = decodeSummary(bytes);
        QVERIFY(back);
        QVERIFY(*back == s);
    }

    // The point of the form: a summary costs a small fraction of the struct.
    void isCompact() {
        const auto bytes = encoded(keepAlive());
        // Two distinct exchanges with their targets, host, waits: about 90 bytes.
        QVERIFY2(bytes.size() < 120, qPrintable(QString::number(bytes.size())));
        QVERIFY(bytes.size() * 4 < sizeof(ApplicationSummary));
    }

    void refusesDamagedBytes() {
        const auto bytes = encoded(keepAlive());
        // Every cut is refused, not read past.
        for (std::size_t cut = 0; cut < bytes.size(); ++cut)
            QVERIFY2(!decodeSummary(std::span(bytes).first(cut)), qPrintable(QString::number(cut)));
        auto longer = bytes;
        longer.push_back(0);
        QVERIFY(!decodeSummary(longer));
        // A string length of 2^63 must not allocate.
        const std::vector<std::uint8_t> huge = {1,    0,    4,    0xff, 0xff, 0xff,
                                                0xff, 0xff, 0xff, 0xff, 0xff, 0x7f};
        QVERIFY(!decodeSummary(huge));
        QVERIFY(!decodeSummary(std::vector<std::uint8_t>{9, 0, 0})); // no such protocol
    }

    void storeGivesEachConnectionItsOwn() {
        ApplicationSummaries store;
        const ApplicationSummary tls = scenario(4);
        const auto first = store.add(keepAlive());
        const auto second = store.add(tls);
        store.setConnections({second, {}, first});
        QVERIFY(store.of(0) == tls);
        QVERIFY(!store.of(1));
        QVERIFY(store.of(2) == keepAlive());
        QVERIFY(!store.of(3));
        QVERIFY(store.memoryBytes() >= encoded(tls).size() + encoded(keepAlive()).size());
    }
};

QTEST_GUILESS_MAIN(TestSummaryCodec)
#include "test_summary_codec.moc"
