#include "decode/packet_decoder.h"
#include "support/packet_builder.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;

Q_DECLARE_METATYPE(tcpladder::test::Bytes)
Q_DECLARE_METATYPE(tcpladder::DecodeMiss)

namespace {

constexpr int kEthernet = 1;

RawPacket rawPacket(const Bytes& bytes, int linkType, std::uint32_t originalLength = 0) {
    RawPacket packet;
    packet.data = bytes.data();
    packet.capturedLength = static_cast<std::uint32_t>(bytes.size());
    packet.originalLength = originalLength ? originalLength : packet.capturedLength;
    packet.linkType = linkType;
    return packet;
}

Bytes tcpIn4(std::uint32_t payload = 10) {
    return ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, tcp({.payloadLength = payload}));
}

Bytes tcpIn6(std::uint32_t payload = 10, const std::vector<Ipv6Extension>& extensions = {}) {
    return ipv6("2001:db8::1", "2001:db8::2", kProtoTcp, tcp({.payloadLength = payload}),
                extensions);
}

// Compared as numbers so that a failure prints which reason was counted.
int lastMiss(const PacketDecoder& decoder) {
    return static_cast<int>(decoder.lastMiss().miss);
}

Bytes prefix(const Bytes& bytes, std::size_t length) {
    return Bytes(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(length));
}

} // namespace

class TestPacketDecoder : public QObject {
    Q_OBJECT

private slots:
    void decodesTheInnermostTcpHeader_data() {
        QTest::addColumn<Bytes>("frame");
        QTest::addColumn<int>("linkType");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<uint>("payload");

        QTest::newRow("ethernet ipv4") << ethernet(0x0800, tcpIn4()) << kEthernet << "10.0.0.1"
                                       << "10.0.0.2" << 10u;
        QTest::newRow("802.1Q") << ethernet(0x0800, tcpIn4(), {{0x8100, 5}}) << kEthernet
                                << "10.0.0.1"
                                << "10.0.0.2" << 10u;
        QTest::newRow("QinQ 802.1ad")
            << ethernet(0x0800, tcpIn4(), {{0x88A8, 5}, {0x8100, 7}}) << kEthernet << "10.0.0.1"
            << "10.0.0.2" << 10u;
        QTest::newRow("triple tag")
            << ethernet(0x86DD, tcpIn6(), {{0x88A8, 1}, {0x8100, 2}, {0x8100, 3}}) << kEthernet
            << "2001:db8::1"
            << "2001:db8::2" << 10u;
        QTest::newRow("ethernet padding is not payload") <<
            [] {
                Bytes frame = ethernet(0x0800, tcpIn4(0));
                frame.resize(60, 0);
                return frame;
            }() << kEthernet << "10.0.0.1"
                                                         << "10.0.0.2" << 0u;
        QTest::newRow("linux sll") << linuxSll(0x0800, tcpIn4(3)) << 113 << "10.0.0.1"
                                   << "10.0.0.2" << 3u;
        QTest::newRow("linux sll2") << linuxSll2(0x86DD, tcpIn6(4)) << 276 << "2001:db8::1"
                                    << "2001:db8::2" << 4u;
        QTest::newRow("bsd null little-endian") << bsdNull(2, tcpIn4(), false) << 0 << "10.0.0.1"
                                                << "10.0.0.2" << 10u;
        QTest::newRow("bsd null big-endian ipv6")
            << bsdNull(30, tcpIn6(), true) << 0 << "2001:db8::1"
            << "2001:db8::2" << 10u;
        QTest::newRow("openbsd loop") << bsdNull(24, tcpIn6(), true) << 108 << "2001:db8::1"
                                      << "2001:db8::2" << 10u;
        QTest::newRow("raw ip") << tcpIn4() << 12 << "10.0.0.1"
                                << "10.0.0.2" << 10u;
        QTest::newRow("linktype ipv6") << tcpIn6() << 229 << "2001:db8::1"
                                       << "2001:db8::2" << 10u;
        QTest::newRow("ipv4 options")
            << ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, tcp({.payloadLength = 7}),
                                     {.options = {0x94, 0x04, 0, 0}}))
            << kEthernet << "10.0.0.1"
            << "10.0.0.2" << 7u;
        QTest::newRow("ipv6 hop-by-hop routing destination")
            << ethernet(0x86DD, tcpIn6(5, {{0, {1, 4, 0, 0, 0, 0}},
                                           {43, {0, 0, 0, 0, 0, 0}},
                                           {60, {1, 4, 0, 0, 0, 0}}}))
            << kEthernet << "2001:db8::1"
            << "2001:db8::2" << 5u;
        QTest::newRow("ipv6 atomic fragment")
            << ethernet(0x86DD, tcpIn6(6, {ipv6Fragment(0, false, 77)})) << kEthernet
            << "2001:db8::1"
            << "2001:db8::2" << 6u;
        QTest::newRow("ip in ip") << ethernet(0x0800, ipv4("192.0.2.1", "192.0.2.2", 4, tcpIn4()))
                                  << kEthernet << "10.0.0.1"
                                  << "10.0.0.2" << 10u;
        QTest::newRow("6in4") << ethernet(0x0800, ipv4("192.0.2.1", "192.0.2.2", 41, tcpIn6()))
                              << kEthernet << "2001:db8::1"
                              << "2001:db8::2" << 10u;
        QTest::newRow("4in6") << ethernet(0x86DD, ipv6("2001:db8::a", "2001:db8::b", 4, tcpIn4()))
                              << kEthernet << "10.0.0.1"
                              << "10.0.0.2" << 10u;
        QTest::newRow("gre") << ethernet(0x0800, ipv4("192.0.2.1", "192.0.2.2", 47,
                                                      concat({{0, 0, 0x08, 0x00}, tcpIn4()})))
                             << kEthernet << "10.0.0.1"
                             << "10.0.0.2" << 10u;
        QTest::newRow("vxlan") << ethernet(0x0800, ipv4("192.0.2.1", "192.0.2.2", kProtoUdp,
                                                        udp(50000, 4789,
                                                            concat({{0x08, 0, 0, 0, 0, 0, 1, 0},
                                                                    ethernet(0x0800, tcpIn4())}))))
                               << kEthernet << "10.0.0.1"
                               << "10.0.0.2" << 10u;
        QTest::newRow("geneve") << ethernet(0x0800, ipv4("192.0.2.1", "192.0.2.2", kProtoUdp,
                                                         udp(50000, 6081,
                                                             concat({{0, 0, 0x65, 0x58, 0, 0, 1, 0},
                                                                     ethernet(0x86DD, tcpIn6())}))))
                                << kEthernet << "2001:db8::1"
                                << "2001:db8::2" << 10u;
    }

    void decodesTheInnermostTcpHeader() {
        QFETCH(Bytes, frame);
        QFETCH(int, linkType);
        PacketDecoder decoder;
        DecodedTcp out;
        QVERIFY(decoder.decode(rawPacket(frame, linkType), out));
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(uint, payload);
        QCOMPARE(QString::fromStdString(formatAddress(out.src)), source);
        QCOMPARE(QString::fromStdString(formatAddress(out.dst)), destination);
        QCOMPARE(out.segment.payloadLength, payload);
        QCOMPARE(out.segment.srcPort, std::uint16_t{40000});
    }

    // Each row names the reason the load diagnostics count the frame under.
    void framesWithoutATcpRow_data() {
        QTest::addColumn<Bytes>("frame");
        QTest::addColumn<int>("linkType");
        QTest::addColumn<DecodeMiss>("miss");

        const Bytes inner = tcpIn4();
        QTest::newRow("icmp error quoting tcp")
            << ethernet(0x0800, ipv4("10.0.0.9", "10.0.0.1", kProtoIcmp,
                                     concat({{3, 3, 0, 0, 0, 0, 0, 0}, inner})))
            << kEthernet << DecodeMiss::IcmpQuote;
        QTest::newRow("truncated tcp header")
            << prefix(ethernet(0x0800, tcpIn4()), 44) << kEthernet << DecodeMiss::Truncated;
        QTest::newRow("bogus tcp header length") << [] {
            Bytes frame = ethernet(0x0800, tcpIn4());
            frame[14 + 20 + 12] = 0x30;
            return frame;
        }() << kEthernet << DecodeMiss::Malformed;
        // The IP length leaves 20 bytes for a 24-byte TCP header.
        QTest::newRow("short segment") << ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kProtoTcp,
                                                                tcp({.options = mssOption(1460)}),
                                                                {.totalLengthOverride = 40}))
                                       << kEthernet << DecodeMiss::Malformed;
        QTest::newRow("truncated ipv6 extension")
            << prefix(tcpIn6(0, {{60, {1, 4, 0, 0, 0, 0}}}), 44) << 229 << DecodeMiss::Truncated;
        QTest::newRow("udp") << ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kProtoUdp,
                                                      udp(53, 53, {1, 2, 3})))
                             << kEthernet << DecodeMiss::NotTcp;
        QTest::newRow("unknown link type") << tcpIn4() << 147 << DecodeMiss::UnsupportedLinkType;
        QTest::newRow("802.3 without snap")
            << ethernet(0x0040, tcpIn4()) << kEthernet << DecodeMiss::NotTcp;
    }

    void framesWithoutATcpRow() {
        QFETCH(Bytes, frame);
        QFETCH(int, linkType);
        QFETCH(DecodeMiss, miss);
        PacketDecoder decoder;
        DecodedTcp out;
        QVERIFY(!decoder.decode(rawPacket(frame, linkType), out));
        QCOMPARE(lastMiss(decoder), static_cast<int>(miss));
    }

    void payloadLengthComesFromTheIpHeaderWhenTheSnaplenCut() {
        const Bytes full = ethernet(0x0800, tcpIn4(1400));
        const Bytes cut(full.begin(), full.begin() + 96);
        PacketDecoder decoder;
        DecodedTcp out;
        QVERIFY(decoder.decode(rawPacket(cut, kEthernet, static_cast<std::uint32_t>(full.size())),
                               out));
        QCOMPARE(out.segment.payloadLength, 1400u);
    }

    void decodesTcpOptions() {
        const Bytes options = concat({mssOption(1460),
                                      {1},
                                      windowScaleOption(7),
                                      sackPermittedOption(),
                                      timestampOption(111, 222),
                                      {1, 1},
                                      sackOption({{5, 9}, {20, 30}})});
        const Bytes frame =
            ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, tcp({.options = options})));
        PacketDecoder decoder;
        DecodedTcp out;
        QVERIFY(decoder.decode(rawPacket(frame, kEthernet), out));
        const TcpOptions& o = out.segment.options;
        QCOMPARE(o.mss, std::int16_t{1460});
        QCOMPARE(o.windowScale, std::int8_t{7});
        QVERIFY(o.sackPermitted);
        QVERIFY(o.hasTimestamps);
        QCOMPARE(o.tsValue, 111u);
        QCOMPARE(o.tsEcho, 222u);
        QCOMPARE(o.sackCount, std::uint8_t{2});
        QCOMPARE(o.sack[1].left, 20u);
        QCOMPARE(o.sack[1].right, 30u);
    }

    void reassemblesIpv4FragmentsAtTheCompletingFrame() {
        const Bytes datagram = tcp({.payloadLength = 100}); // 120 bytes of IP payload
        const Bytes first(datagram.begin(), datagram.begin() + 64);
        const Bytes second(datagram.begin() + 64, datagram.end());
        PacketDecoder decoder;
        DecodedTcp out;
        // The last piece arrives first: nothing until the datagram is whole.
        const Bytes tail = ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, second,
                                                 {.id = 9, .fragmentOffset = 64}));
        QVERIFY(!decoder.decode(rawPacket(tail, kEthernet), out));
        QCOMPARE(lastMiss(decoder), static_cast<int>(DecodeMiss::FragmentPending));
        const Bytes head = ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, first,
                                                 {.id = 9, .moreFragments = true}));
        QVERIFY(decoder.decode(rawPacket(head, kEthernet), out));
        QCOMPARE(lastMiss(decoder), static_cast<int>(DecodeMiss::None));
        QCOMPARE(out.segment.payloadLength, 100u);
        QCOMPARE(out.segment.srcPort, std::uint16_t{40000});
    }

    void reassemblesIpv6Fragments() {
        const Bytes datagram = tcp({.payloadLength = 60});
        const Bytes first(datagram.begin(), datagram.begin() + 40);
        const Bytes second(datagram.begin() + 40, datagram.end());
        PacketDecoder decoder;
        DecodedTcp out;
        const Bytes head =
            ipv6("2001:db8::1", "2001:db8::2", kProtoTcp, first, {ipv6Fragment(0, true, 5)});
        QVERIFY(!decoder.decode(rawPacket(head, 229), out));
        QCOMPARE(lastMiss(decoder), static_cast<int>(DecodeMiss::FragmentPending));
        const Bytes tail =
            ipv6("2001:db8::1", "2001:db8::2", kProtoTcp, second, {ipv6Fragment(40, false, 5)});
        QVERIFY(decoder.decode(rawPacket(tail, 229), out));
        QCOMPARE(out.segment.payloadLength, 60u);
    }
};

QTEST_APPLESS_MAIN(TestPacketDecoder)
#include "test_packet_decoder.moc"
