#include "load/capture_loader.h"
#include "load/packet_details.h"
#include "store/packet_text.h"
#include "support/capture_writer.h"
#include "support/packet_builder.h"

#include <QtTest>
#include <map>

using namespace tcpladder;
using namespace tcpladder::test;

namespace {

constexpr std::int64_t kStart = 1'700'000'000'000'000'000;
constexpr std::int64_t kMs = 1'000'000;

// One client→server or server→client segment between 10.0.0.1:40000 and 10.0.0.2:80.
Frame segment(std::int64_t atMs, bool toServer, TcpSpec spec) {
    if (!toServer) {
        spec.srcPort = 80;
        spec.dstPort = 40000;
    }
    const Bytes ip = toServer ? ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, tcp(spec))
                              : ipv4("10.0.0.2", "10.0.0.1", kProtoTcp, tcp(spec));
    return Frame{kStart + atMs * kMs, ethernet(0x0800, ip)};
}

std::shared_ptr<LoadedCapture> load(const std::vector<Frame>& frames) {
    TemporaryFile file(buildPcap(frames, {.nanosecond = true}));
    auto loaded = loadCapture(file.path());
    if (!loaded)
        qFatal("load failed: %s", loaded.error().c_str());
    return loaded.value();
}

} // namespace

class TestCaptureLoader : public QObject {
    Q_OBJECT

private slots:
    // Every frame is either a TCP row or counted under what it was, named as
    // Wireshark's protocol column would: the innermost protocol read.
    void framesWithoutARowAreNamed() {
        const Bytes lldp(20, 0x02);
        const Bytes arp(28, 0x01);
        const Bytes ospf(40, 0x00);
        const Bytes cutShort = ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, tcp({}));
        const auto capture = load({
            segment(0, true, {.seq = 1, .flags = 0x02}),
            {kStart + 1 * kMs, ethernet(0x88CC, lldp)},
            {kStart + 2 * kMs, ethernet(0x0806, arp, {{0x8100, 7}})}, // behind a VLAN tag
            {kStart + 3 * kMs, ethernet(0x0800, ipv4("10.0.0.1", "224.0.0.5", 89, ospf))},
            {kStart + 4 * kMs, ethernet(0x0800, Bytes(cutShort.begin(), cutShort.begin() + 30))},
            {kStart + 5 * kMs, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", kProtoTcp, tcp({}),
                                                     {.moreFragments = true}))},
            {kStart + 6 * kMs, ethernet(0x0800, ipv4("10.0.0.1", "10.0.0.2", 250, Bytes(8, 0)))},
        });
        QCOMPARE(capture->frames, std::uint64_t{7});
        QCOMPARE(capture->tcpPackets, std::uint64_t{1});
        std::map<std::string, std::pair<std::uint64_t, bool>> kinds;
        for (const NonTcpCount& count : capture->nonTcp)
            kinds[count.kind] = {count.frames, count.otherProtocol};
        const std::map<std::string, std::pair<std::uint64_t, bool>> expected = {
            {"LLDP", {1, true}},       {"ARP", {1, true}},          {"OSPF", {1, true}},
            {"truncated", {1, false}}, {"IP fragment", {1, false}}, {"IP protocol 250", {1, true}},
        };
        QCOMPARE(kinds, expected);
    }

    void handshakeDataAndRelativeNumbers() {
        const auto capture = load({
            segment(0, true, {.seq = 4294967000u, .flags = 0x02, .options = windowScaleOption(2)}),
            segment(10, false,
                    {.seq = 7, .ack = 4294967001u, .flags = 0x12, .options = windowScaleOption(3)}),
            segment(20, true, {.seq = 4294967001u, .ack = 8, .flags = 0x10, .window = 100}),
            // 1000 bytes from the client wrap its sequence space past 2^32.
            segment(21, true,
                    {.seq = 4294967001u,
                     .ack = 8,
                     .flags = 0x18,
                     .window = 100,
                     .payloadLength = 1000}),
            segment(30, false, {.seq = 8, .ack = 705, .flags = 0x10, .window = 50}),
        });
        QCOMPARE(capture->connections.size(), std::size_t{1});
        const Connection& c = capture->connections[0];
        QCOMPARE(formatEndpoint(c.client().address, c.client().port),
                 std::string("10.0.0.1:40000"));
        QCOMPARE(c.packets[c.clientSide()], std::uint64_t{3});
        QCOMPARE(c.payloadBytes[c.clientSide()], std::uint64_t{1000});
        const PacketStore& store = capture->packets;
        QCOMPARE(store.packetCount(0), std::size_t{5});
        QCOMPARE(store.at(0, 1).relativeSeq(), 0u);
        QCOMPARE(store.at(0, 1).relativeAck(), 1u);
        QCOMPARE(store.at(0, 4).relativeAck(), 1001u); // across the wrap
        QCOMPARE(store.at(0, 2).window(), 400u);       // 100 << 2
        QCOMPARE(store.at(0, 4).window(), 400u);       // 50 << 3
        QCOMPARE(store.at(0, 0).window(), 65535u);     // never on a SYN
        QCOMPARE(store.at(0, 4).time() - store.at(0, 0).time(), 30 * kMs);
    }

    // Wireshark honours a window scale option on any segment from the next
    // segment on; packets before it keep the shift they were sent with.
    void aLaterWindowScaleLeavesEarlierWindowsAlone() {
        const auto capture = load({
            segment(0, true, {.seq = 10, .flags = 0x02, .options = windowScaleOption(2)}),
            segment(1, false,
                    {.seq = 7, .ack = 11, .flags = 0x12, .options = windowScaleOption(3)}),
            segment(2, true, {.seq = 11, .ack = 8, .flags = 0x10, .window = 100}),
            segment(3, true,
                    {.seq = 11,
                     .ack = 8,
                     .flags = 0x10,
                     .window = 100,
                     .options = windowScaleOption(5)}),
            segment(4, true, {.seq = 11, .ack = 8, .flags = 0x10, .window = 100}),
        });
        const PacketStore& store = capture->packets;
        QCOMPARE(store.at(0, 2).window(), 400u);
        QCOMPARE(store.at(0, 4).window(), 3200u);
    }

    void newSynOnAClosedTupleStartsANewConnection() {
        const auto capture = load({
            segment(0, true, {.seq = 100, .flags = 0x02}),
            segment(1, false, {.seq = 500, .ack = 101, .flags = 0x12}),
            segment(2, true, {.seq = 101, .ack = 501, .flags = 0x10}),
            segment(3, true, {.seq = 101, .ack = 501, .flags = 0x04}),
            segment(10, true, {.seq = 90000, .flags = 0x02}),
            segment(11, false, {.seq = 7000, .ack = 90001, .flags = 0x12}),
        });
        QCOMPARE(capture->connections.size(), std::size_t{2});
        QCOMPARE(capture->connections[1].firstFrame, std::uint64_t{5});
        QCOMPARE(capture->packets.at(1, 1).relativeAck(), 1u);
    }

    void damagedFileKeepsWholePacketsAndWarns() {
        Bytes image = buildPcap(
            {segment(0, true, {.flags = 0x02}), segment(1, false, {.ack = 1001, .flags = 0x12})});
        image.resize(image.size() - 10); // cut the last record short
        TemporaryFile file(image);
        const auto loaded = loadCapture(file.path());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value()->frames, std::uint64_t{1});
        QCOMPARE(loaded.value()->warnings.size(), std::size_t{1});
    }

    // The reasons are the opener's own words for the usual failures.
    void unreadableFilesNameTheFileAndTheReason_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << "empty file";
        QTest::newRow("html") << QByteArray("<html><body>not a capture</body></html>")
                              << "not a pcap or pcapng file (starts with bytes 3c 68 74 6d)";
        QTest::newRow("truncated header")
            << QByteArray("\xd4\xc3\xb2\xa1\x02\x00", 6) << "truncated file header (6 of 24 bytes)";
    }

    void unreadableFilesNameTheFileAndTheReason() {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        TemporaryFile file(Bytes(content.begin(), content.end()));
        const auto loaded = loadCapture(file.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(QString::fromStdString(loaded.error()),
                 QString::fromStdString(file.path()) + ": " + reason);
    }

    void missingFileAndDirectory() {
        auto missing = loadCapture("/nonexistent/capture.pcap");
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error()).contains("No such file"));
        auto directory = loadCapture("/tmp");
        QVERIFY(!directory.ok());
        QVERIFY(QString::fromStdString(directory.error()).contains("directory"));
    }

    void progressCanCancel() {
        std::vector<Frame> frames;
        for (int i = 0; i < 20000; ++i)
            frames.push_back(segment(i, true, {.seq = 1000u + i, .flags = 0x10}));
        TemporaryFile file(buildPcap(frames));
        int calls = 0;
        LoadOptions options;
        options.progressInterval = 1000;
        options.progress = [&](const LoadProgress& progress) {
            ++calls;
            return progress.frames < 5000;
        };
        const auto loaded = loadCapture(file.path(), options);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value()->cancelled);
        QCOMPARE(loaded.value()->frames, std::uint64_t{5000});
        QCOMPARE(calls, 6); // 1000..5000, then the final report
    }

    void epochTextIsExact() {
        const auto capture = load({segment(0, true, {.flags = 0x02})});
        QCOMPARE(capture->epochText(capture->firstTime), std::string("1700000000.000000000"));
        QCOMPARE(capture->utcText(capture->firstTime),
                 std::string("2023-11-14 22:13:20.000000000 UTC"));
    }

    // Wireshark reads a pcap record's sub-second field in 32-bit arithmetic:
    // 1000000 us is a whole second, 2^31 us wraps to 0 (tcpdump's
    // timestamp_invalid_micro.pcap has both).
    void damagedMicrosecondFieldsReadAsWiresharkDoes() {
        const std::vector<Frame> frames = {
            segment(0, true, {.flags = 0x02}), segment(0, false, {.ack = 1001, .flags = 0x12}),
            segment(0, true, {.seq = 1001, .ack = 1, .flags = 0x10})};
        Bytes image = buildPcap(frames);
        const auto setMicroseconds = [&](std::size_t record, std::uint32_t value) {
            std::size_t offset = 24;
            for (std::size_t i = 0; i < record; ++i)
                offset += 16 + frames[i].bytes.size();
            for (int b = 0; b < 4; ++b)
                image[offset + 4 + b] = static_cast<std::uint8_t>(value >> (8 * b));
        };
        setMicroseconds(1, 1000000);
        setMicroseconds(2, 0x80000000u);
        TemporaryFile file(image);
        const auto loaded = loadCapture(file.path());
        QVERIFY(loaded.ok());
        const PacketStore& store = loaded.value()->packets;
        QCOMPARE(store.at(0, 1).time() - store.at(0, 0).time(), 1'000'000'000);
        QCOMPARE(store.at(0, 2).time() - store.at(0, 0).time(), 0);
    }

    void detailsAreReadAgainFromTheFile_data() {
        QTest::addColumn<bool>("pcapng");
        QTest::newRow("pcap") << false;
        QTest::newRow("pcapng") << true;
    }

    void detailsAreReadAgainFromTheFile() {
        QFETCH(bool, pcapng);
        const std::vector<Frame> frames = {
            segment(0, true,
                    {.seq = 5,
                     .flags = 0x02,
                     .options = concat({mssOption(1400), sackPermittedOption()})}),
            segment(1, false,
                    {.seq = 9, .ack = 6, .flags = 0x10, .options = sackOption({{100, 200}})}),
        };
        TemporaryFile file(pcapng ? buildPcapng(frames) : buildPcap(frames),
                           pcapng ? ".pcapng" : ".pcap");
        const auto loaded = loadCapture(file.path());
        QVERIFY(loaded.ok());
        const auto syn = readPacketDetails(*loaded.value(), 0, 0);
        QVERIFY2(syn.ok(), syn.ok() ? "" : syn.error().c_str());
        QCOMPARE(syn->tcp.segment.seq, 5u);
        QCOMPARE(syn->tcp.segment.options.mss, std::int16_t{1400});
        QVERIFY(syn->tcp.segment.options.sackPermitted);
        const auto ack = readPacketDetails(*loaded.value(), 0, 1);
        QVERIFY(ack.ok());
        QCOMPARE(ack->tcp.segment.options.sackCount, std::uint8_t{1});
        QCOMPARE(ack->tcp.segment.options.sack[0].right, 200u);
        QVERIFY(!readPacketDetails(*loaded.value(), 0, 2).ok());
    }

    void textForms() {
        QCOMPARE(flagLetters(0x12), std::string("SA"));
        QCOMPARE(flagLetters(0x11), std::string("FA"));
        QCOMPARE(flagLetters(0xFF), std::string("FSRPAUEC"));
        QCOMPARE(flagLetters(0), std::string("-"));
    }
};

QTEST_APPLESS_MAIN(TestCaptureLoader)
#include "test_capture_loader.moc"
