#include "load/capture_loader.h"
#include "messages/connection_messages.h"
#include "support/capture_writer.h"
#include "support/dialogue.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;

namespace {

constexpr std::int64_t kMs = 1'000'000;

std::string field(const Message& m, const char* name) {
    const std::string* value = m.field(name);
    return value ? *value : std::string("(none)");
}

std::vector<const Message*> ofKind(const ConnectionMessages& all, MessageKind kind) {
    std::vector<const Message*> found;
    for (const Message& m : all.messages)
        if (m.kind == kind)
            found.push_back(&m);
    return found;
}

} // namespace

class TestMessages : public QObject {
    Q_OBJECT

private slots:
    void requestSplitOverThreeSegments() {
        Dialogue d;
        d.send(true, "GET /api/or", 10).send(true, "ders HTTP/1.1\r\nHost: shop.exa", 11);
        d.send(true, "mple\r\n\r\n", 12)
            .send(false, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 1052);
        const ConnectionMessages all = d.messages();
        QCOMPARE(all.protocol, std::optional(MessageProtocol::Http));
        const auto requests = ofKind(all, MessageKind::HttpRequest);
        QCOMPARE(requests.size(), std::size_t{1});
        QCOMPARE(requests[0]->label, std::string("GET /api/orders"));
        QCOMPARE(field(*requests[0], "host"), std::string("shop.example"));
        QCOMPARE(requests[0]->firstFrame, std::uint64_t{4});
        QCOMPARE(requests[0]->lastFrame, std::uint64_t{6});
        QVERIFY(!requests[0]->truncated);
        const auto responses = ofKind(all, MessageKind::HttpResponse);
        QCOMPARE(responses.size(), std::size_t{1});
        QCOMPARE(responses[0]->label, std::string("200 OK · 5 B"));
        // The server thought from the request's last byte (12 ms) to 1052 ms.
        QCOMPARE(responses[0]->thinkTime, 1040 * kMs);
        QCOMPARE(responses[0]->pair, std::int64_t{0});
    }

    void retransmittedAndReorderedResponse() {
        const std::string head = "HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\n\r\n";
        Dialogue d;
        d.send(true, "GET /x HTTP/1.1\r\n\r\n", 10);
        d.send(false, "67890", 30, static_cast<std::int64_t>(head.size() + 5)); // arrives first
        d.send(false, head + "12345", 31, 0);                                   // frame 6
        d.send(false, head + "12345", 40, 0); // a retransmission adds nothing
        const ConnectionMessages all = d.messages();
        const auto responses = ofKind(all, MessageKind::HttpResponse);
        QCOMPARE(responses.size(), std::size_t{1});
        QCOMPARE(responses[0]->label, std::string("404 Not Found · 10 B"));
        QCOMPARE(responses[0]->firstFrame, std::uint64_t{5});
        QCOMPARE(responses[0]->lastFrame, std::uint64_t{6});
        QCOMPARE(responses[0]->timeToLastByte, 21 * kMs);
        QVERIFY(!responses[0]->truncated);
    }

    // In order but for a segment sent twice: the stream is compacted in
    // place over the copy, and what follows it must still parse.
    void retransmissionInsideAChunkedBody() {
        const std::string head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        Dialogue d;
        d.send(true, "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", 10);
        d.send(false, head, 20).send(false, "5\r\nhello\r\n", 21);
        d.send(false, "5\r\nhello\r\n", 25, static_cast<std::int64_t>(head.size()));
        d.send(false, "0\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", 26);
        const ConnectionMessages all = d.messages();
        const auto responses = ofKind(all, MessageKind::HttpResponse);
        QCOMPARE(responses.size(), std::size_t{2});
        QCOMPARE(field(*responses[0], "body"), std::string("5"));
        QCOMPARE(responses[0]->lastFrame, std::uint64_t{8});
        QVERIFY(!responses[0]->truncated);
        QCOMPARE(responses[1]->label, std::string("204 No Content"));
        QCOMPARE(responses[1]->firstFrame, std::uint64_t{8});
    }

    void chunkedBodyThenKeepAlive() {
        Dialogue d;
        d.send(true, "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", 10);
        d.send(false, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n", 20);
        d.send(false, "5;ext=1\r\npedia\r\n0\r\n\r\n", 21);
        d.send(false, "HTTP/1.1 304 Not Modified\r\n\r\n", 22);
        const ConnectionMessages all = d.messages();
        const auto responses = ofKind(all, MessageKind::HttpResponse);
        QCOMPARE(responses.size(), std::size_t{2});
        QCOMPARE(field(*responses[0], "body"), std::string("9"));
        QCOMPARE(responses[0]->lastFrame, std::uint64_t{6});
        QVERIFY(!responses[0]->truncated);
        QCOMPARE(responses[1]->label, std::string("304 Not Modified"));
        QCOMPARE(responses[1]->firstFrame, std::uint64_t{7});
    }

    void pipelinedPairWithHead() {
        Dialogue d;
        d.send(true, "HEAD /big HTTP/1.1\r\n\r\nGET /small HTTP/1.1\r\n\r\n", 10);
        // The HEAD response announces 1 MB it does not send.
        d.send(false,
               "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n"
               "HTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
               20);
        const ConnectionMessages all = d.messages();
        const auto requests = ofKind(all, MessageKind::HttpRequest);
        const auto responses = ofKind(all, MessageKind::HttpResponse);
        QCOMPARE(requests.size(), std::size_t{2});
        QCOMPARE(responses.size(), std::size_t{2});
        QCOMPARE(requests[1]->label, std::string("GET /small"));
        QCOMPARE(field(*responses[0], "code"), std::string("200"));
        QVERIFY(!responses[0]->truncated);
        QCOMPARE(field(*responses[1], "code"), std::string("201"));
        QCOMPARE(field(*responses[1], "connection"), std::string("close"));
        // Pairs in order: the 201 answers the second request.
        QCOMPARE(&all.messages[static_cast<std::size_t>(responses[1]->pair)], requests[1]);
    }

    void responseCutOffMidBody() {
        Dialogue d;
        d.send(true, "GET /f HTTP/1.1\r\n\r\n", 10);
        d.send(false, "HTTP/1.1 200 OK\r\nContent-Length: 4294967296000\r\n\r\nabc", 20);
        const ConnectionMessages all = d.messages();
        const auto responses = ofKind(all, MessageKind::HttpResponse);
        QCOMPARE(responses.size(), std::size_t{1});
        QVERIFY(responses[0]->truncated);
        QCOMPARE(field(*responses[0], "body"), std::string("4294967296000"));
    }

    void bodyUntilCloseEndsAtFin() {
        Dialogue d;
        d.send(true, "GET / HTTP/1.0\r\n\r\n", 10);
        d.send(false, "HTTP/1.0 200 OK\r\n\r\nall of it", 20).fin(false, 30);
        const ConnectionMessages read1 = d.messages();
        const auto responses = ofKind(read1, MessageKind::HttpResponse);
        QCOMPARE(responses.size(), std::size_t{1});
        QCOMPARE(responses[0]->lastFrame, std::uint64_t{6});
        QVERIFY(!responses[0]->truncated);
    }

    void tlsHandshakeSplitAcrossRecordsAndSegments() {
        const std::string hello = clientHello("example.com", "h2");
        const std::string first = tlsRecord(22, hello.substr(0, 20));
        const std::string second = tlsRecord(22, hello.substr(20));
        Dialogue d;
        d.send(true, first, 10)
            .send(true, second.substr(0, 30), 11)
            .send(true, second.substr(30), 12);
        d.send(false, tlsRecord(21, std::string("\x02\x28", 2)), 20);
        const ConnectionMessages all = d.messages();
        QCOMPARE(all.protocol, std::optional(MessageProtocol::Tls));
        const auto handshakes = ofKind(all, MessageKind::TlsHandshake);
        QCOMPARE(handshakes.size(), std::size_t{1});
        QCOMPARE(handshakes[0]->label, std::string("ClientHello sni=example.com alpn=h2"));
        QCOMPARE(handshakes[0]->firstFrame, std::uint64_t{4});
        QCOMPARE(handshakes[0]->lastFrame, std::uint64_t{6});
        QVERIFY(!handshakes[0]->truncated);
        const auto alerts = ofKind(all, MessageKind::TlsAlert);
        QCOMPARE(alerts.size(), std::size_t{1});
        QCOMPARE(alerts[0]->label, std::string("Alert fatal handshake_failure"));
    }

    void tlsRecordLongerThanTheData() {
        Dialogue d;
        d.send(true, std::string("\x16\x03\x01\x40\x00\x01\x00\x3f\xfc", 9) + "xyz", 10);
        const ConnectionMessages read2 = d.messages();
        const auto handshakes = ofKind(read2, MessageKind::TlsHandshake);
        QCOMPARE(handshakes.size(), std::size_t{1});
        QVERIFY(handshakes[0]->truncated);
        QCOMPARE(field(*handshakes[0], "length"), std::string("16380"));
    }

    void snapLength96() {
        Dialogue d;
        d.send(true, "GET /api/orders HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test\r\n\r\n",
               10);
        d.send(false, "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 3\r\n\r\nabc", 20);
        const ConnectionMessages all = d.messages(96);
        const auto requests = ofKind(all, MessageKind::HttpRequest);
        QCOMPARE(requests.size(), std::size_t{1});
        QCOMPARE(requests[0]->label, std::string("GET /api/orders"));
        QVERIFY(requests[0]->truncated);
        const auto responses = ofKind(all, MessageKind::HttpResponse);
        QCOMPARE(responses.size(), std::size_t{1});
        QCOMPARE(field(*responses[0], "code"), std::string("200"));
        QVERIFY(responses[0]->truncated);
    }

    void dnsAndSshAndNothingInvented() {
        Dialogue dns;
        const std::string query =
            std::string("\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00", 12) +
            "\x03www\x07"
            "example\x03"
            "com" +
            std::string(1, '\0') + std::string("\x00\x1c\x00\x01", 4);
        dns.send(true, be16(query.size()) + query, 10);
        const ConnectionMessages read3 = dns.messages();
        const auto queries = ofKind(read3, MessageKind::DnsQuery);
        QCOMPARE(queries.size(), std::size_t{1});
        QCOMPARE(queries[0]->label, std::string("query AAAA www.example.com"));

        Dialogue ssh;
        ssh.send(false, "SSH-2.0-OpenSSH_9.2\r\n", 5).send(true, "SSH-2.0-PuTTY\r\n", 6);
        const ConnectionMessages read4 = ssh.messages();
        const auto banners = ofKind(read4, MessageKind::SshBanner);
        QCOMPARE(banners.size(), std::size_t{2});

        Dialogue other;
        other.send(true, std::string("\x00\x01\x02\x03 binary", 11), 5);
        const ConnectionMessages none = other.messages();
        QVERIFY(!none.protocol);
        QVERIFY(none.messages.empty());
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "test_messages.moc"
