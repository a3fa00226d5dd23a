#include "tcp/connection_tracker.h"

#include <QtTest>
#include <arpa/inet.h>
#include <vector>

using namespace tcpladder;

namespace {

IpAddress ipv4(const char* text) {
    IpAddress address;
    inet_pton(AF_INET, text, address.bytes.data());
    return address;
}

// One packet: sender address and port, receiver address and port, flags,
// sequence number, payload length and acknowledgement number.
struct Packet {
    const char* src = "10.0.0.1";
    std::uint16_t srcPort = 40000;
    const char* dst = "10.0.0.2";
    std::uint16_t dstPort = 80;
    std::uint8_t flags = kAck;
    std::uint32_t seq = 0;
    std::uint32_t len = 0;
    std::uint32_t ack = 1;
};
using Packets = std::vector<Packet>;

constexpr std::uint8_t kSynAck = kSyn | kAck;

Packet fromClient(std::uint8_t flags, std::uint32_t seq, std::uint32_t len = 0,
                  std::uint32_t ack = 1) {
    return {"10.0.0.1", 40000, "10.0.0.2", 80, flags, seq, len, ack};
}

Packet fromServer(std::uint8_t flags, std::uint32_t seq, std::uint32_t len = 0,
                  std::uint32_t ack = 1) {
    return {"10.0.0.2", 80, "10.0.0.1", 40000, flags, seq, len, ack};
}

std::vector<TrackedSegment> feed(ConnectionTracker& tracker, const Packets& packets) {
    std::vector<TrackedSegment> out;
    std::uint64_t frame = 0;
    for (const Packet& p : packets) {
        TcpSegment segment;
        segment.srcPort = p.srcPort;
        segment.dstPort = p.dstPort;
        segment.flags = p.flags;
        segment.seq = p.seq;
        segment.ack = (p.flags & kAck) ? p.ack : 0;
        segment.payloadLength = p.len;
        segment.window = 65535;
        ++frame;
        out.push_back(tracker.add(ipv4(p.src), ipv4(p.dst), segment,
                                  1'000'000'000 * static_cast<TimeNs>(frame), frame));
    }
    return out;
}

QList<uint> connectionsOf(const std::vector<TrackedSegment>& tracked) {
    QList<uint> ids;
    for (const TrackedSegment& t : tracked) {
        ids << t.connection;
    }
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(Packets)

class TestConnectionTracker : public QObject {
    Q_OBJECT

private slots:
    void assignsWiresharkStreams_data() {
        QTest::addColumn<Packets>("packets");
        QTest::addColumn<QList<uint>>("connections");

        QTest::newRow("one handshake")
            << Packets{fromClient(kSyn, 1000), fromServer(kSynAck, 5000), fromClient(kAck, 1001)}
            << QList<uint>{0, 0, 0};
        QTest::newRow("ids in order of first packet")
            << Packets{{"10.0.0.1", 1111, "10.0.0.2", 80, kSyn, 1},
                       {"10.0.0.3", 2222, "10.0.0.2", 80, kSyn, 1},
                       {"10.0.0.2", 80, "10.0.0.1", 1111, kSynAck, 9},
                       {"10.0.0.2", 80, "10.0.0.3", 2222, kSynAck, 9}}
            << QList<uint>{0, 1, 0, 1};
        QTest::newRow("new ISN after a close opens a new connection")
            << Packets{fromClient(kSyn, 1000), fromServer(kSynAck, 5000),
                       fromClient(kFin | kAck, 1001), fromClient(kSyn, 3000),
                       fromServer(kSynAck, 7000)}
            << QList<uint>{0, 0, 0, 1, 1};
        QTest::newRow("new ISN without a close opens a new connection")
            << Packets{fromClient(kSyn, 1000), fromServer(kSynAck, 5000), fromClient(kSyn, 3000)}
            << QList<uint>{0, 0, 1};
        QTest::newRow("SYN repeating the ISN stays, even after a reset")
            << Packets{fromClient(kSyn, 1000), fromServer(kRst | kAck, 0), fromClient(kSyn, 1000)}
            << QList<uint>{0, 0, 0};
        QTest::newRow("SYN+ACK with a new ISN stays")
            << Packets{fromClient(kSyn, 1000), fromServer(kSynAck, 5000), fromServer(kSynAck, 9000)}
            << QList<uint>{0, 0, 0};
        QTest::newRow("a reused 4-tuple keeps following the newest connection")
            << Packets{fromClient(kSyn, 1000), fromClient(kSyn, 2000), fromServer(kSynAck, 5000),
                       fromClient(kSyn, 3000), fromClient(kAck, 3001)}
            << QList<uint>{0, 1, 1, 2, 2};
    }

    void assignsWiresharkStreams() {
        QFETCH(Packets, packets);
        QFETCH(QList<uint>, connections);
        ConnectionTracker tracker;
        QCOMPARE(connectionsOf(feed(tracker, packets)), connections);
    }

    void decidesTheClient_data() {
        QTest::addColumn<Packets>("packets");
        QTest::addColumn<uint>("clientPort");

        QTest::newRow("sender of the SYN")
            << Packets{fromServer(kAck, 5001, 0, 1001), fromClient(kSyn, 1000)} << 40000u;
        QTest::newRow("first SYN wins over a later one from the other side")
            << Packets{fromClient(kSyn, 1000), fromServer(kSyn, 5000)} << 40000u;
        QTest::newRow("receiver of the SYN+ACK")
            << Packets{fromClient(kAck, 1001), fromServer(kSynAck, 5000)} << 40000u;
        QTest::newRow("well-known port is the server")
            << Packets{fromServer(kAck, 5001, 10), fromClient(kAck, 1001)} << 40000u;
        QTest::newRow("non-ephemeral port is the server")
            << Packets{{"10.0.0.2", 8080, "10.0.0.1", 40000, kAck, 1, 10}} << 40000u;
        QTest::newRow("ports say nothing: the first sender")
            << Packets{{"10.0.0.2", 50000, "10.0.0.1", 40000, kAck, 1, 10}} << 50000u;
        QTest::newRow("both below 1024: the first sender")
            << Packets{{"10.0.0.2", 25, "10.0.0.1", 80, kAck, 1, 10}} << 25u;
    }

    void decidesTheClient() {
        QFETCH(Packets, packets);
        QFETCH(uint, clientPort);
        ConnectionTracker tracker;
        feed(tracker, packets);
        QCOMPARE(tracker.connections().size(), std::size_t{1});
        QCOMPARE(uint{tracker.connections().front().client().port}, clientPort);
    }

    void countsEachSide() {
        ConnectionTracker tracker;
        const auto tracked =
            feed(tracker, {fromServer(kAck, 5001, 10), fromClient(kAck, 1001, 3),
                           fromServer(kAck | kPsh, 5011, 20), fromClient(kSyn, 0)});
        QCOMPARE(tracked[0].side, kSideA);
        QCOMPARE(tracked[1].side, kSideB);
        const Connection& c = tracker.connections().front();
        QCOMPARE(c.endpoints[kSideA].port, std::uint16_t{80});
        QCOMPARE(c.packets[kSideA], std::uint64_t{2});
        QCOMPARE(c.packets[kSideB], std::uint64_t{2});
        QCOMPARE(c.payloadBytes[kSideA], std::uint64_t{30});
        QCOMPARE(c.payloadBytes[kSideB], std::uint64_t{3});
        QCOMPARE(c.firstFrame, std::uint64_t{1});
        QCOMPARE(c.lastFrame, std::uint64_t{4});
        QCOMPARE(c.lastTime - c.firstTime, TimeNs{3'000'000'000});
        QCOMPARE(c.firstSynSender, std::int8_t{kSideB});
        QCOMPARE(c.clientSide(), kSideB);
    }

    void marksFastAndSpuriousAlsoAsRetransmissions() {
        ConnectionTracker tracker;
        const auto tracked =
            feed(tracker, {fromClient(kSyn, 1000), fromServer(kSynAck, 5000, 0, 1001),
                           fromClient(kAck | kPsh, 1001, 10, 5001), fromServer(kAck, 5001, 0, 1011),
                           fromClient(kAck | kPsh, 1001, 10, 5001)});
        QCOMPARE(tracked[4].analysis, std::uint16_t{kRetransmission | kSpuriousRetransmission});
    }

    void manyConnectionsStayApart() {
        ConnectionTracker tracker;
        Packets packets;
        for (std::uint16_t port = 1; port <= 5000; ++port) {
            packets.push_back({"10.0.0.1", port, "10.0.0.2", 443, kSyn, 1});
        }
        for (std::uint16_t port = 5000; port >= 1; --port) {
            packets.push_back({"10.0.0.2", 443, "10.0.0.1", port, kSynAck, 7});
        }
        const auto tracked = feed(tracker, packets);
        QCOMPARE(tracker.connections().size(), std::size_t{5000});
        for (std::size_t i = 0; i < 5000; ++i) {
            QCOMPARE(tracked[5000 + i].connection, std::uint32_t(4999 - i));
            QCOMPARE(tracked[5000 + i].side, kSideB);
        }
    }

    void takeConnectionsStartsAfresh() {
        ConnectionTracker tracker;
        feed(tracker, {fromClient(kSyn, 1000)});
        QCOMPARE(tracker.takeConnections().size(), std::size_t{1});
        QVERIFY(tracker.connections().empty());
        const auto tracked = feed(tracker, {fromServer(kSynAck, 5000)});
        QCOMPARE(tracked[0].connection, std::uint32_t{0});
        QCOMPARE(tracked[0].relativeSeq, std::uint32_t{0});
    }
};

QTEST_APPLESS_MAIN(TestConnectionTracker)
#include "test_connection_tracker.moc"
