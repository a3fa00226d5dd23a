#include "models/endpoint_filter.h"

#include <QtTest>
#include <arpa/inet.h>

using namespace tcpladder;
using namespace tcpladder::ui;

namespace {

Endpoint endpoint(const char* address, std::uint16_t port) {
    Endpoint e;
    e.port = port;
    if (inet_pton(AF_INET, address, e.address.bytes.data()) != 1) {
        inet_pton(AF_INET6, address, e.address.bytes.data());
        e.address.isV6 = true;
    }
    return e;
}

Connection connection(Endpoint client, Endpoint server) {
    Connection c;
    c.endpoints = {client, server};
    c.firstSynSender = kSideA;
    return c;
}

} // namespace

class TestEndpointFilter : public QObject {
    Q_OBJECT

private slots:
    void matches_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("v4Matches");
        QTest::addColumn<bool>("v6Matches");
        // v4: 10.0.0.5:51000 → 10.0.0.50:443; v6: [2001:db8::5]:51001 → [2001:db8::1]:8443
        QTest::newRow("empty") << "" << true << true;
        QTest::newRow("address, either side") << "10.0.0.50" << true << false;
        QTest::newRow("a whole address is not a prefix") << "10.0.0.500" << false << false;
        QTest::newRow("client address") << "10.0.0.5" << true << false;
        QTest::newRow("port") << ":443" << true << false;
        QTest::newRow("client port") << ":51001" << false << true;
        QTest::newRow("address and port") << "10.0.0.50:443" << true << false;
        QTest::newRow("address and the other side's port") << "10.0.0.50:51000" << false << false;
        QTest::newRow("bracketed IPv6 and port") << "[2001:db8::1]:8443" << false << true;
        QTest::newRow("bracketed IPv6") << "[2001:db8::1]" << false << true;
        QTest::newRow("bare IPv6") << "2001:db8::1" << false << true;
        QTest::newRow("IPv6 written longhand") << "2001:0db8:0:0:0:0:0:1" << false << true;
        QTest::newRow("while typing an address") << "10.0.0." << true << false;
        QTest::newRow("while typing IPv6") << "[2001:db8::" << false << true;
        QTest::newRow("both terms must match") << "10.0.0.5 :443" << true << false;
        QTest::newRow("terms that match nothing together") << "10.0.0.5 :8443" << false << false;
        QTest::newRow("commas separate too") << "10.0.0.5, 10.0.0.50" << true << false;
    }
    void matches() {
        QFETCH(QString, filter);
        QFETCH(bool, v4Matches);
        QFETCH(bool, v6Matches);
        const EndpointFilter parsed(filter);
        QCOMPARE(
            parsed.matches(connection(endpoint("10.0.0.5", 51000), endpoint("10.0.0.50", 443))),
            v4Matches);
        QCOMPARE(parsed.matches(
                     connection(endpoint("2001:db8::5", 51001), endpoint("2001:db8::1", 8443))),
                 v6Matches);
    }
};

QTEST_GUILESS_MAIN(TestEndpointFilter)
#include "test_endpoint_filter.moc"
