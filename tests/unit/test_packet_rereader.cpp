#include "capture/packet_rereader.h"
#include "load/capture_loader.h"
#include "load/packet_details.h"
#include "support/capture_writer.h"
#include "support/compressors.h"
#include "support/packet_builder.h"

#include <QtTest>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <new>

// The largest single allocation since it was last reset: a damaged length
// field must not make a re-read allocate more than the file holds.
static std::atomic<std::size_t> g_largestAllocation{0};

void* operator new(std::size_t size) {
    std::size_t seen = g_largestAllocation.load();
    while (size > seen && !g_largestAllocation.compare_exchange_weak(seen, size)) {
    }
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}

using namespace tcpladder;
using namespace tcpladder::test;

namespace {

using Image = std::vector<std::uint8_t>;
constexpr std::int64_t kStart = 1'700'000'000'000'000'000;

// Client-to-server data segments of one connection after a handshake; data
// segment i carries the SACK block (100 + i, 200 + i), which only a re-read
// of exactly that record can show.
std::vector<Frame> connection(int dataSegments, std::uint32_t payload) {
    const auto frame = [](std::int64_t us, bool toServer, TcpSpec spec) {
        if (!toServer)
            std::swap(spec.srcPort, spec.dstPort);
        const Bytes ip = toServer ? ipv4("192.0.2.10", "198.51.100.7", kProtoTcp, tcp(spec))
                                  : ipv4("198.51.100.7", "192.0.2.10", kProtoTcp, tcp(spec));
        return Frame{kStart + us * 1000, ethernet(0x0800, ip)};
    };
    std::vector<Frame> frames = {
        frame(0, true, {.seq = 1000, .flags = 0x02, .options = sackPermittedOption()}),
        frame(10, false, {.seq = 9000, .ack = 1001, .flags = 0x12}),
        frame(20, true, {.seq = 1001, .ack = 9001, .flags = 0x10}),
    };
    for (int i = 0; i < dataSegments; ++i) {
        const auto n = static_cast<std::uint32_t>(i);
        frames.push_back(frame(30 + i, true,
                               {.seq = 1001 + n * payload,
                                .ack = 9001,
                                .flags = 0x10,
                                .options = sackOption({{100 + n, 200 + n}}),
                                .payloadLength = payload}));
    }
    return frames;
}

constexpr std::size_t kHandshake = 3;

// The SACK left edge a re-read of packet `index` finds, or -1 with a warning.
qint64 sackLeft(const LoadedCapture& capture, std::size_t index) {
    const auto details = readPacketDetails(capture, 0, index);
    if (!details) {
        qWarning("packet %zu: %s", index, details.error().c_str());
        return -1;
    }
    const TcpOptions& options = details->tcp.segment.options;
    return options.sackCount ? qint64{options.sack[0].left} : -2;
}

std::shared_ptr<LoadedCapture> load(const TemporaryFile& file) {
    auto loaded = loadCapture(file.path());
    if (!loaded) {
        qWarning("%s", loaded.error().c_str());
        return nullptr;
    }
    return loaded.value();
}

// Kuznetzov's patched pcap: another magic, and 8 more bytes (interface index,
// protocol, packet type, padding) after each 16-byte record header.
Image toKuznetzov(const Image& pcap) {
    Image out(pcap.begin(), pcap.begin() + 24);
    out[0] = 0x34;
    out[1] = 0xcd;
    for (std::size_t at = 24; at + 16 <= pcap.size();) {
        const std::uint32_t caplen = pcap[at + 8] | pcap[at + 9] << 8 | pcap[at + 10] << 16 |
                                     static_cast<std::uint32_t>(pcap[at + 11]) << 24;
        out.insert(out.end(), pcap.begin() + static_cast<std::ptrdiff_t>(at),
                   pcap.begin() + static_cast<std::ptrdiff_t>(at + 16));
        out.insert(out.end(), {2, 0, 0, 0, 0x08, 0x00, 0, 0});
        out.insert(out.end(), pcap.begin() + static_cast<std::ptrdiff_t>(at + 16),
                   pcap.begin() + static_cast<std::ptrdiff_t>(at + 16 + caplen));
        at += 16 + caplen;
    }
    return out;
}

// Two sections: the second in big-endian byte order.
Image twoSectionsOfEitherByteOrder(const std::vector<Frame>& frames) {
    PcapngBuilder builder;
    builder.section(ByteOrder::Little).interfaceDescription({});
    for (std::size_t i = 0; i < frames.size(); ++i) {
        if (i == frames.size() / 2)
            builder.section(ByteOrder::Big).interfaceDescription({});
        builder.enhancedPacket(frames[i]);
    }
    return builder.bytes();
}

} // namespace

class TestPacketRereader : public QObject {
    Q_OBJECT

private slots:
    // Issue 12, defect 3: each of these shifted every later offset.
    void rereadsTheRecordTheLoadRead_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<int>("segments");
        const auto qt = [](const Image& image) {
            return QByteArray(reinterpret_cast<const char*>(image.data()),
                              static_cast<qsizetype>(image.size()));
        };
        PcapOptions shortSnap;
        shortSnap.snapLength = 100; // records hold 386 bytes: libpcap keeps 100
        // 6 segments stay within the records checked against the stream's
        // position; 100 go past them, where offsets are summed from lengths.
        for (const int segments : {6, 100}) {
            const std::vector<Frame> frames = connection(segments, 300);
            const QByteArray count = QByteArray::number(segments) + " segments";
            QTest::newRow("pcap records longer than the snapshot length, " + count)
                << qt(buildPcap(frames, shortSnap)) << segments;
            QTest::newRow("Kuznetzov pcap, 24-byte record headers, " + count)
                << qt(toKuznetzov(buildPcap(frames))) << segments;
            QTest::newRow("pcapng, a later section in the other byte order, " + count)
                << qt(twoSectionsOfEitherByteOrder(frames)) << segments;
            QTest::newRow("plain pcap, " + count) << qt(buildPcap(frames)) << segments;
        }
    }

    void rereadsTheRecordTheLoadRead() {
        QFETCH(QByteArray, image);
        QFETCH(int, segments);
        TemporaryFile file(Image(image.begin(), image.end()));
        const auto capture = load(file);
        QVERIFY(capture);
        const auto count = static_cast<std::size_t>(segments);
        QCOMPARE(capture->packets.packetCount(0), kHandshake + count);
        for (std::size_t i = 0; i < count; ++i)
            QCOMPARE(sackLeft(*capture, kHandshake + i), qint64(100 + i));
        // And out of order, as a click on an earlier packet does.
        QCOMPARE(sackLeft(*capture, kHandshake + 1), qint64(101));
    }

    void compressedFilesRereadForward_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("gzip") << 0;
        QTest::newRow("gzip, several members") << 1;
        QTest::newRow("zstd, several frames") << 2;
        QTest::newRow("zstd, one frame") << 3;
        QTest::newRow("lz4, several frames") << 4;
    }

    // Enough data for several checkpoints (one every 4 MiB).
    void compressedFilesRereadForward() {
        QFETCH(int, kind);
        constexpr int kSegments = 12000;
        const Image plain = buildPcap(connection(kSegments, 1200));
        constexpr std::size_t kPiece = 3 << 20;
        const std::function<Image()> compress[] = {
            [&] { return gzipBytes(plain); },         [&] { return gzipBytes(plain, kPiece); },
            [&] { return zstdBytes(plain, kPiece); }, [&] { return zstdBytes(plain); },
            [&] { return lz4Bytes(plain, kPiece); },
        };
        TemporaryFile file(compress[kind]());
        const auto capture = load(file);
        QVERIFY(capture);
        QVERIFY(capture->files.front().rereader);
        QCOMPARE(capture->packets.packetCount(0), std::size_t{kHandshake + kSegments});
        for (std::size_t i = 0; i < kSegments; ++i) {
            if (sackLeft(*capture, kHandshake + i) != qint64(100 + i))
                QFAIL(qPrintable(QStringLiteral("packet %1 read wrong").arg(kHandshake + i)));
        }
        // The whole connection in order: decompression started once.
        QCOMPARE(capture->files.front().rereader->decompressionRestarts(), std::uint64_t{1});
        // Forward with gaps, as a connection whose packets lie between others'.
        for (std::size_t i = 0; i < kSegments; i += 577)
            QCOMPARE(sackLeft(*capture, kHandshake + i), qint64(100 + i));
        for (std::size_t i = kSegments; i-- > 0;) {
            if (i % 1000 != 7)
                continue;
            QCOMPARE(sackLeft(*capture, kHandshake + i), qint64(100 + i));
        }
    }

    // 100 GiB decompressed, a block boundary every MiB.
    void checkpointMemoryIsBounded() {
        CheckpointIndex index;
        constexpr std::uint64_t kMiB = 1u << 20;
        for (std::uint64_t offset = kMiB; offset <= 100 * 1024 * kMiB; offset += kMiB) {
            if (index.wants(offset))
                index.add(Checkpoint{offset / 3, offset, 0, std::vector<std::uint8_t>(32768)});
        }
        QVERIFY(index.size() <= CheckpointIndex::kMaxPoints);
        QVERIFY(index.size() >= CheckpointIndex::kMaxPoints / 2);
        QVERIFY(index.memoryBytes() < (CheckpointIndex::kMaxPoints + 1) * (32768 + 256));
        QCOMPARE(index.before(kMiB), nullptr);
        const Checkpoint* point = index.before(50 * 1024 * kMiB);
        QVERIFY(point);
        QVERIFY(point->offset <= 50 * 1024 * kMiB);
        // Points stay evenly spread: the next one lies within twice the average gap.
        QVERIFY(50 * 1024 * kMiB - point->offset <= 2 * (100 * 1024 * kMiB / index.size()));
    }

    // A pcapng packet block whose lengths claim 128 MiB, in a file that ends
    // a few bytes later: an error, and no allocation of the claimed size.
    void damagedLengthAllocatesNothingLarge() {
        PcapngBuilder builder;
        builder.section().interfaceDescription(PcapngInterface{});
        Image image = builder.bytes();
        const std::uint64_t blockAt = image.size();
        constexpr std::uint32_t kClaimed = 128u << 20;
        const auto put32 = [&](std::uint32_t v) {
            for (int shift = 0; shift < 32; shift += 8)
                image.push_back(static_cast<std::uint8_t>(v >> shift));
        };
        for (std::uint32_t word : {6u, kClaimed + 32, 0u, 0u, 0u, kClaimed, kClaimed, 0u, 0u})
            put32(word);
        TemporaryFile file(image, ".pcapng");
        auto rereader = PacketRereader::open(file.path());
        QVERIFY(rereader);
        g_largestAllocation = 0;
        const auto packet = rereader.value()->read(blockAt);
        QVERIFY(!packet);
        QVERIFY2(packet.error().find("cut short") != std::string::npos, packet.error().c_str());
        QVERIFY2(g_largestAllocation < (1u << 20),
                 qPrintable(QString::number(g_largestAllocation.load())));
    }

    void pipesAreNotRereadable() {
        const std::vector<Frame> frames = connection(2, 10);
        const Image image = buildPcap(frames);
        auto loaded = loadCaptureFromMemory(image.data(), image.size());
        QVERIFY(loaded);
        QVERIFY(loaded.value()->files.empty());
        const auto details = readPacketDetails(*loaded.value(), 0, 0);
        QVERIFY(!details);
        QCOMPARE(QString::fromStdString(details.error()),
                 QStringLiteral("read from memory: packet details are not available"));
    }
};

QTEST_APPLESS_MAIN(TestPacketRereader)
#include "test_packet_rereader.moc"
