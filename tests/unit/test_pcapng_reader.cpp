#include "capture/capture_opener.h"
#include "capture/pcapng_reader.h"
#include "support/capture_writer.h"

#include <QTest>
#include <cstdio>
#include <pcap/dlt.h>

using namespace tcpladder;
using namespace tcpladder::test;

namespace {

constexpr qint64 kSecond = 1'000'000'000;
constexpr std::uint16_t kEthernet = 1;
constexpr std::uint16_t kRawIp = 101; // LINKTYPE_RAW, which readers report as libpcap's DLT_RAW
constexpr std::uint16_t kLinuxSll = 113;

Frame frame(qint64 timestampNs, std::size_t size, std::uint32_t interfaceId = 0) {
    Frame result;
    result.timestampNs = timestampNs;
    result.bytes.assign(size, 0xab);
    result.interfaceId = interfaceId;
    return result;
}

QByteArray toQt(const std::vector<std::uint8_t>& bytes) {
    return QByteArray(reinterpret_cast<const char*>(bytes.data()),
                      static_cast<qsizetype>(bytes.size()));
}

void patch32(std::vector<std::uint8_t>& image, std::size_t offset, std::uint32_t value) {
    for (int i = 0; i < 4; ++i)
        image[offset + i] = static_cast<std::uint8_t>(value >> (8 * i));
}

struct Packets {
    QList<qint64> timestamps;
    QList<int> linkTypes;
    QList<quint32> capturedLengths;
    QList<std::uint64_t> offsets;
    ReadStatus end = ReadStatus::End;
    QString error;
};

Packets readAll(PacketSource& source) {
    Packets result;
    RawPacket packet;
    // Bounded, so that a reader that loops fails the test instead of hanging it.
    for (int i = 0; i < 1000; ++i) {
        const ReadStatus status = source.next(packet);
        if (status != ReadStatus::Packet) {
            result.end = status;
            result.error = QString::fromStdString(source.errorMessage());
            break;
        }
        result.timestamps.append(packet.timestamp);
        result.linkTypes.append(packet.linkType);
        result.capturedLengths.append(packet.capturedLength);
        result.offsets.append(packet.fileOffset);
    }
    return result;
}

// `image` must outlive the reader.
std::unique_ptr<PcapngReader> openReader(const QByteArray& image) {
    FILE* file = fmemopen(const_cast<char*>(image.constData()), image.size(), "rb");
    auto reader = PcapngReader::openStream(file);
    if (!reader.ok()) {
        qWarning("open failed: %s", reader.error().c_str());
        return nullptr;
    }
    return std::move(reader.value());
}

// Three frames on interfaces 0 and 1, which differ in link type: libpcap stops at the second IDB.
std::vector<std::uint8_t> mixedLinkTypes() {
    PcapngBuilder builder;
    builder.section()
        .interfaceDescription({kEthernet})
        .enhancedPacket(frame(1 * kSecond, 60))
        .interfaceDescription({kLinuxSll})
        .enhancedPacket(frame(2 * kSecond, 70, 1))
        .enhancedPacket(frame(3 * kSecond, 80, 0));
    return builder.bytes();
}

} // namespace

class TestPcapngReader : public QObject {
    Q_OBJECT

private slots:
    void readsPackets_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QList<qint64>>("timestamps");
        QTest::addColumn<QList<int>>("linkTypes");
        QTest::addColumn<QList<quint32>>("capturedLengths");

        const qint64 t = 1'700'000'000 * kSecond;
        const std::vector<Frame> frames = {frame(t + 123'456'000, 60), frame(t + kSecond, 61)};
        const QList<qint64> micro = {t + 123'456'000, t + kSecond};
        QTest::newRow("little-endian, microseconds")
            << toQt(buildPcapng(frames)) << micro << QList<int>{1, 1} << QList<quint32>{60, 61};
        QTest::newRow("big-endian, microseconds")
            << toQt(buildPcapng(frames, {ByteOrder::Big, {{}}})) << micro << QList<int>{1, 1}
            << QList<quint32>{60, 61};

        QTest::newRow("two interfaces with different link types")
            << toQt(buildPcapng({frame(t, 40, 1), frame(t + 1000, 41, 0)},
                                {ByteOrder::Little, {{kEthernet}, {kRawIp, 0, 9}}}))
            << QList<qint64>{t, t + 1000} << QList<int>{DLT_RAW, 1} << QList<quint32>{40, 41};

        const auto oneFrame = [&](PcapngInterface iface, qint64 timestamp) {
            return toQt(buildPcapng({frame(timestamp, 60)}, {ByteOrder::Little, {iface}}));
        };
        QTest::newRow("tsresol 10^-2")
            << oneFrame({kEthernet, 0, 2}, 1'519'128'000 * kSecond + 199'999'999)
            << QList<qint64>{1'519'128'000 * kSecond + 190'000'000} << QList<int>{1}
            << QList<quint32>{60};
        QTest::newRow("tsresol 10^-9")
            << oneFrame({kEthernet, 0, 9}, t + 123'456'789) << QList<qint64>{t + 123'456'789}
            << QList<int>{1} << QList<quint32>{60};
        // 1/1024 s is 976562.5 ns: the half nanosecond is truncated, as Wireshark does.
        QTest::newRow("tsresol 2^-10")
            << oneFrame({kEthernet, 0, 0x8a}, t + 1'953'125 + 976'563)
            << QList<qint64>{t + 2'929'687} << QList<int>{1} << QList<quint32>{60};
        QTest::newRow("tsresol 10^-12, finer than nanoseconds")
            << oneFrame({kEthernet, 0, 12}, 1000 * kSecond + 5) << QList<qint64>{1000 * kSecond + 5}
            << QList<int>{1} << QList<quint32>{60};
        QTest::newRow("tsoffset adds seconds")
            << oneFrame({kEthernet, 0, 6, 1'000'000'000}, t + 7'000) << QList<qint64>{t + 7'000}
            << QList<int>{1} << QList<quint32>{60};

        PcapngBuilder simple;
        simple.section().interfaceDescription({kRawIp, 50});
        Frame cut = frame(0, 50);
        cut.originalLength = 1500; // cut by the snap length
        simple.simplePacket(frame(0, 30)).simplePacket(cut).obsoletePacket(frame(t, 20));
        QTest::newRow("simple and obsolete packet blocks")
            << toQt(simple.bytes()) << QList<qint64>{0, 0, t}
            << QList<int>{DLT_RAW, DLT_RAW, DLT_RAW} << QList<quint32>{30, 50, 20};

        PcapngBuilder unknown;
        unknown.section()
            .rawBlock(4, {0, 0, 0, 0}) // name resolution
            .interfaceDescription({})
            .rawBlock(5, std::vector<std::uint8_t>(24, 0)) // interface statistics
            .enhancedPacket(frame(t, 10))
            .rawBlock(0x00000BAD, {1, 2, 3, 4, 5, 6, 7, 8})        // custom block
            .rawBlock(0x80001234, {9, 9, 9})                       // local use
            .rawBlock(0x0000000A, std::vector<std::uint8_t>(8, 0)) // decryption secrets
            .enhancedPacket(frame(t + 1000, 11));
        QTest::newRow("other blocks skipped") << toQt(unknown.bytes()) << QList<qint64>{t, t + 1000}
                                              << QList<int>{1, 1} << QList<quint32>{10, 11};

        PcapngBuilder sections;
        sections.section()
            .interfaceDescription({kEthernet})
            .interfaceDescription({kRawIp})
            .enhancedPacket(frame(t, 10, 1))
            .section(ByteOrder::Big, 1, 2)
            .interfaceDescription({kLinuxSll, 0, 9})
            .enhancedPacket(frame(t + 1, 12, 0));
        QTest::newRow("a new section resets interfaces and byte order")
            << toQt(sections.bytes()) << QList<qint64>{t, t + 1} << QList<int>{DLT_RAW, 113}
            << QList<quint32>{10, 12};
    }

    void readsPackets() {
        QFETCH(QByteArray, image);
        QFETCH(QList<qint64>, timestamps);
        QFETCH(QList<int>, linkTypes);
        QFETCH(QList<quint32>, capturedLengths);

        const auto reader = openReader(image);
        QVERIFY(reader);
        const Packets packets = readAll(*reader);
        QCOMPARE(packets.error, QString());
        QCOMPARE(packets.end, ReadStatus::End);
        QCOMPARE(packets.timestamps, timestamps);
        QCOMPARE(packets.linkTypes, linkTypes);
        QCOMPARE(packets.capturedLengths, capturedLengths);
        QCOMPARE(reader->bytesRead(), std::uint64_t(image.size()));
    }

    void reportsDamage_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<int>("packetsBefore");
        QTest::addColumn<QString>("error");

        PcapngBuilder builder;
        builder.section().interfaceDescription({}).enhancedPacket(frame(kSecond, 60));
        const std::size_t second = builder.offset(); // 28 + 20 + 92
        builder.enhancedPacket(frame(2 * kSecond, 60));
        const std::vector<std::uint8_t> good = builder.bytes();
        const QString at = QString(" at offset %1").arg(second);

        auto cut = good;
        cut.resize(cut.size() - 10);
        QTest::newRow("truncated last block")
            << toQt(cut) << 1 << "truncated block" + at + " (92 bytes needed, 82 left in the file)";
        cut.resize(second + 5);
        QTest::newRow("truncated block header")
            << toQt(cut) << 1
            << "truncated block header" + at + " (8 bytes needed, 5 left in the file)";

        auto damaged = good;
        patch32(damaged, second + 4, 90);
        QTest::newRow("total length not a multiple of 4")
            << toQt(damaged) << 1 << "block" + at + " has total length 90, not a multiple of 4";
        patch32(damaged, second + 4, 8);
        QTest::newRow("total length below the minimum")
            << toQt(damaged) << 1
            << "block" + at + " has total length 8, less than the minimum of 12";
        patch32(damaged, second + 4, 0xfffffff0);
        QTest::newRow("huge total length")
            << toQt(damaged) << 1
            << "block" + at + " has total length 4294967280, more than the limit of 268435456";
        damaged = good;
        patch32(damaged, good.size() - 4, 96);
        QTest::newRow("trailing length differs")
            << toQt(damaged) << 1
            << "block" + at + " has total length 92 but its trailing copy says 96";
        damaged = good;
        patch32(damaged, second + 8 + 12, 61);
        QTest::newRow("captured length beyond the block")
            << toQt(damaged) << 1
            << "packet block" + at + " has captured length 61, more than its block holds";

        auto wrongInterface = builder;
        wrongInterface.enhancedPacket(frame(3 * kSecond, 60, 2));
        QTest::newRow("interface id out of range")
            << toQt(wrongInterface.bytes()) << 2
            << QString(
                   "packet block at offset %1 refers to interface 2, but the section has only 1")
                   .arg(good.size());

        auto badVersion = builder;
        badVersion.section(ByteOrder::Little, 2, 0);
        QTest::newRow("section with major version 2")
            << toQt(badVersion.bytes()) << 2
            << QString("section header at offset %1 has unsupported pcapng version 2.0")
                   .arg(good.size());

        PcapngBuilder badOption;
        badOption.section().rawBlock(1, {1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 40, 0, 'e', 't', 'h', '0'});
        QTest::newRow("option runs past its block")
            << toQt(badOption.bytes()) << 0
            << "interface description at offset 28 has an option of length 40 that runs past the "
               "block";

        PcapngBuilder orphan;
        orphan.section().simplePacket(frame(0, 10));
        QTest::newRow("simple packet before any interface")
            << toQt(orphan.bytes()) << 0
            << "simple packet block at offset 28 comes before any interface description";
    }

    void reportsDamage() {
        QFETCH(QByteArray, image);
        QFETCH(int, packetsBefore);
        QFETCH(QString, error);

        const auto reader = openReader(image);
        QVERIFY(reader);
        const Packets packets = readAll(*reader);
        QCOMPARE(packets.timestamps.size(), packetsBefore);
        QCOMPARE(packets.end, ReadStatus::Error);
        QCOMPARE(packets.error, error);
        RawPacket packet;
        QCOMPARE(reader->next(packet), ReadStatus::Error); // stays failed
    }

    void recordsOffsetsAndProgress() {
        PcapngBuilder builder;
        builder.section().interfaceDescription({});
        QList<std::uint64_t> offsets;
        for (int i = 0; i < 3; ++i) {
            builder.rawBlock(5, std::vector<std::uint8_t>(i * 4, 0));
            offsets.append(builder.offset());
            builder.enhancedPacket(frame(i * kSecond, 50 + i));
        }
        const QByteArray image = toQt(builder.bytes());
        const auto reader = openReader(image);
        QVERIFY(reader);
        QCOMPARE(reader->linkType(), 1);
        RawPacket packet;
        QCOMPARE(reader->next(packet), ReadStatus::Packet);
        QCOMPARE(reader->bytesRead(), offsets[0] + 12 + 20 + 52);
        QCOMPARE(readAll(*reader).offsets, offsets.mid(1));
        QCOMPARE(packet.fileOffset, offsets[0]);
    }

    void skipsPackets() {
        PcapngBuilder builder;
        builder.section().interfaceDescription({});
        for (int i = 0; i < 5; ++i)
            builder.enhancedPacket(frame(i * kSecond, 20)).rawBlock(5, {});
        const QByteArray image = toQt(builder.bytes());

        auto reader = openReader(image);
        QVERIFY(reader->skipPackets(3));
        QCOMPARE(readAll(*reader).timestamps, (QList<qint64>{3 * kSecond, 4 * kSecond}));

        reader = openReader(image);
        QVERIFY(reader->skipPackets(5));
        QVERIFY(!reader->skipPackets(1));
        RawPacket packet;
        QCOMPARE(reader->next(packet), ReadStatus::End);
    }

    void openerFallsBackToOwnReader_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QList<int>>("linkTypes");

        QTest::newRow("link types differ after the first packet")
            << toQt(mixedLinkTypes()) << QList<int>{1, 113, 1};
        QTest::newRow("snap lengths differ before any packet")
            << toQt(buildPcapng({frame(kSecond, 60, 1), frame(kSecond, 60, 0)},
                                {ByteOrder::Little, {{kEthernet, 65535}, {kEthernet, 262144}}}))
            << QList<int>{1, 1};
        QTest::newRow("libpcap reads it all")
            << toQt(buildPcapng({frame(kSecond, 60)}, {ByteOrder::Big, {{kRawIp}}}))
            << QList<int>{DLT_RAW};
    }

    void openerFallsBackToOwnReader() {
        QFETCH(QByteArray, image);
        QFETCH(QList<int>, linkTypes);

        const std::vector<std::uint8_t> bytes(image.begin(), image.end());
        const TemporaryFile file(bytes, ".pcapng");
        auto fromFile = openCapture(file.path());
        QVERIFY2(fromFile.ok(), fromFile.ok() ? "" : fromFile.error().c_str());
        auto inMemory = openCaptureInMemory(bytes.data(), bytes.size());
        QVERIFY(inMemory.ok());
        for (PacketSource* source : {fromFile.value().get(), inMemory.value().get()}) {
            const Packets packets = readAll(*source);
            QCOMPARE(packets.error, QString());
            QCOMPARE(packets.end, ReadStatus::End);
            QCOMPARE(packets.linkTypes, linkTypes);
            QCOMPARE(source->bytesRead(), std::uint64_t(bytes.size()));
        }
    }

    void openerReportsDamageAfterFallback() {
        auto bytes = mixedLinkTypes();
        bytes.resize(bytes.size() - 4);
        auto source = openCaptureInMemory(bytes.data(), bytes.size());
        QVERIFY(source.ok());
        const Packets packets = readAll(*source.value());
        QCOMPARE(packets.linkTypes, (QList<int>{1, 113}));
        QCOMPARE(packets.end, ReadStatus::Error);
        QVERIFY2(packets.error.startsWith("truncated block at offset"), qPrintable(packets.error));
    }

    void openerReadsClassicPcap_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QList<qint64>>("timestamps");
        const std::vector<Frame> frames = {frame(kSecond + 123'456'789, 60),
                                           frame(2 * kSecond, 61)};
        QTest::newRow("microseconds, little-endian")
            << toQt(buildPcap(frames)) << QList<qint64>{kSecond + 123'456'000, 2 * kSecond};
        QTest::newRow("nanoseconds, big-endian")
            << toQt(buildPcap(frames, {true, ByteOrder::Big}))
            << QList<qint64>{kSecond + 123'456'789, 2 * kSecond};
    }

    void openerReadsClassicPcap() {
        QFETCH(QByteArray, image);
        QFETCH(QList<qint64>, timestamps);
        auto source = openCaptureInMemory(reinterpret_cast<const std::uint8_t*>(image.constData()),
                                          static_cast<std::size_t>(image.size()));
        QVERIFY(source.ok());
        const Packets packets = readAll(*source.value());
        QCOMPARE(packets.end, ReadStatus::End);
        QCOMPARE(packets.timestamps, timestamps);
        QCOMPARE(packets.offsets, (QList<std::uint64_t>{24, 24 + 16 + 60}));
    }

    void openerReportsOpenErrors_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty file") << QByteArray() << "empty file";
        QTest::newRow("html page") << QByteArray("<html><body>") // the usual wrong download
                                   << "not a pcap or pcapng file (starts with bytes 3c 68 74 6d)";
        QTest::newRow("truncated pcap header")
            << toQt(buildPcap({})).left(10) << "truncated file header (10 of 24 bytes)";
        QTest::newRow("truncated pcapng header")
            << toQt(buildPcapng({})).left(3) << "truncated file header (3 of 28 bytes)";
        QTest::newRow("pcapng version 1.1")
            << toQt(PcapngBuilder().section(ByteOrder::Little, 1, 1).bytes())
            << "section header at offset 0 has unsupported pcapng version 1.1";
    }

    void openerReportsOpenErrors() {
        QFETCH(QByteArray, image);
        QFETCH(QString, error);
        const std::vector<std::uint8_t> bytes(image.begin(), image.end());
        const TemporaryFile file(bytes);
        const auto fromFile = openCapture(file.path());
        QVERIFY(!fromFile.ok());
        QCOMPARE(QString::fromStdString(fromFile.error()), error);
        const auto inMemory = openCaptureInMemory(bytes.data(), bytes.size());
        QVERIFY(!inMemory.ok());
        QCOMPARE(QString::fromStdString(inMemory.error()), error);
    }

    void openerReportsMissingFile() {
        const auto source = openCapture("/nonexistent/capture.pcap");
        QVERIFY(!source.ok());
        QCOMPARE(QString::fromStdString(source.error()), QString("No such file or directory"));
    }
};

QTEST_APPLESS_MAIN(TestPcapngReader)
#include "test_pcapng_reader.moc"
