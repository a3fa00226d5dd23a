#include "load/capture_loader.h"
#include "load/memory_budget.h"
#include "support/capture_writer.h"
#include "support/packet_builder.h"

#include <QProcess>
#include <QtTest>
#include <unistd.h>

using namespace tcpladder;
using namespace tcpladder::test;

Q_DECLARE_METATYPE(std::uint64_t)

namespace {

constexpr std::int64_t kStart = 1'700'000'000'000'000'000;
constexpr std::uint32_t kConnections = 1000;
constexpr std::uint32_t kPacketsEach = 70;
// Ethernet, IPv4 and TCP headers without payload, and a pcap record header.
constexpr std::uint64_t kFrameBytes = 14 + 20 + 20;
constexpr std::uint64_t kRecordBytes = 16 + kFrameBytes;
constexpr std::uint64_t kFileHeaderBytes = 24;

// 70,000 packets: 70 from each of 1,000 clients, interleaved, so that both
// the packet records and the connections grow while loading.
std::vector<std::uint8_t> manyPackets() {
    std::vector<Frame> frames;
    frames.reserve(kConnections * kPacketsEach);
    for (std::uint32_t round = 0; round < kPacketsEach; ++round) {
        for (std::uint32_t client = 0; client < kConnections; ++client) {
            const std::string address =
                "10.1." + std::to_string(client / 250) + "." + std::to_string(client % 250 + 1);
            const TcpSpec spec{.srcPort = static_cast<std::uint16_t>(20000 + client),
                               .seq = 1000 + round,
                               .ack = round ? 1u : 0u,
                               .flags = static_cast<std::uint8_t>(round ? 0x10 : 0x02)};
            frames.push_back(
                Frame{kStart + static_cast<std::int64_t>(frames.size()) * 1000,
                      ethernet(0x0800, ipv4(address, "10.9.9.9", kProtoTcp, tcp(spec)))});
        }
    }
    return buildPcap(frames);
}

} // namespace

class TestMemoryBudget : public QObject {
    Q_OBJECT

private slots:
    void parsesSizes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::uint64_t>("bytes"); // 0: rejected
        QTest::newRow("megabytes") << "512M" << std::uint64_t{512} * 1024 * 1024;
        QTest::newRow("gigabytes") << "2G" << (std::uint64_t{2} << 30);
        QTest::newRow("fraction") << "1.5G" << std::uint64_t{3} * (1u << 29);
        QTest::newRow("lower-case kilobytes") << "64k" << std::uint64_t{65536};
        QTest::newRow("bytes") << "1000000" << std::uint64_t{1'000'000};
        QTest::newRow("KiB spelled out") << "4KiB" << std::uint64_t{4096};
        QTest::newRow("MB spelled out") << "10MB" << (std::uint64_t{10} << 20);
        QTest::newRow("terabytes") << "1T" << (std::uint64_t{1} << 40);
        QTest::newRow("empty") << "" << std::uint64_t{0};
        QTest::newRow("unit only") << "M" << std::uint64_t{0};
        QTest::newRow("zero") << "0" << std::uint64_t{0};
        QTest::newRow("below a byte") << "0.1" << std::uint64_t{0};
        QTest::newRow("negative") << "-1G" << std::uint64_t{0};
        QTest::newRow("unknown unit") << "2X" << std::uint64_t{0};
        QTest::newRow("two points") << "1.2.3G" << std::uint64_t{0};
        QTest::newRow("space before unit") << "12 M" << std::uint64_t{0};
        QTest::newRow("trailing text") << "2Gx" << std::uint64_t{0};
        QTest::newRow("beyond 64 bits") << "99999999T" << std::uint64_t{0};
    }
    void parsesSizes() {
        QFETCH(QString, text);
        QFETCH(std::uint64_t, bytes);
        const auto parsed = parseMemorySize(text.toStdString());
        QCOMPARE(parsed.value_or(0), bytes);
    }

    void formatsSizes_data() {
        QTest::addColumn<std::uint64_t>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("bytes") << std::uint64_t{900} << "900 bytes";
        QTest::newRow("kibibytes") << std::uint64_t{1536} << "1.5 KiB";
        QTest::newRow("whole mebibytes") << (std::uint64_t{512} << 20) << "512 MiB";
        QTest::newRow("gibibytes") << (std::uint64_t{3} << 29) << "1.5 GiB";
        QTest::newRow("tebibytes") << (std::uint64_t{5} << 40) << "5 TiB";
    }
    void formatsSizes() {
        QFETCH(std::uint64_t, bytes);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatMemorySize(bytes)), text);
    }

    void defaultIsHalfOfTheUsableMemory_data() {
        QTest::addColumn<std::uint64_t>("physical");
        QTest::addColumn<std::uint64_t>("cgroupLimit"); // 0: none
        QTest::addColumn<std::uint64_t>("budget");
        constexpr std::uint64_t kGiB = std::uint64_t{1} << 30;
        QTest::newRow("physical memory") << 16 * kGiB << std::uint64_t{0} << 8 * kGiB;
        QTest::newRow("a container's lower limit") << 16 * kGiB << 2 * kGiB << kGiB;
        QTest::newRow("a limit above physical memory") << 16 * kGiB << 64 * kGiB << 8 * kGiB;
        QTest::newRow("only the limit known") << std::uint64_t{0} << 2 * kGiB << kGiB;
        QTest::newRow("nothing known") << std::uint64_t{0} << std::uint64_t{0} << 4 * kGiB;
    }
    void defaultIsHalfOfTheUsableMemory() {
        QFETCH(std::uint64_t, physical);
        QFETCH(std::uint64_t, cgroupLimit);
        QFETCH(std::uint64_t, budget);
        QCOMPARE(memoryBudgetFor(physical, cgroupLimit), budget);
    }

    void theLoaderDefaultsToAtMostHalfOfPhysicalMemory() {
        const std::uint64_t physical = static_cast<std::uint64_t>(::sysconf(_SC_PHYS_PAGES)) *
                                       static_cast<std::uint64_t>(::sysconf(_SC_PAGE_SIZE));
        QVERIFY(defaultMemoryBudget() <= physical / 2);
        QVERIFY(defaultMemoryBudget() > 0);
        QCOMPARE(LoadOptions{}.memoryBudget, defaultMemoryBudget());
    }

    void withoutABudgetEverythingLoads() {
        TemporaryFile file(manyPackets());
        const auto loaded = loadCapture(file.path());
        QVERIFY(loaded);
        const LoadedCapture& capture = *loaded.value();
        QCOMPARE(capture.frames, std::uint64_t{kConnections} * kPacketsEach);
        QVERIFY(!capture.truncatedByBudget);
        QVERIFY(capture.warnings.empty());
    }

    // A small budget stops the load between two packets; what was loaded is
    // a whole, usable capture of the first N packets, and the warning says so.
    void aSmallBudgetStopsCleanlyAtAPacket() {
        const auto bytes = manyPackets();
        TemporaryFile file(bytes);
        LoadOptions options;
        options.memoryBudget = std::uint64_t{3} << 20;
        const auto loaded = loadCapture(file.path(), options);
        QVERIFY(loaded);
        const LoadedCapture& capture = *loaded.value();
        QVERIFY(capture.truncatedByBudget);
        const std::uint64_t n = capture.frames;
        QVERIFY2(n > 10'000 && n < std::uint64_t{kConnections} * kPacketsEach,
                 qPrintable(QString::number(n)));
        const std::string expected = "loaded the first " + std::to_string(n) + " packets (" +
                                     formatMemorySize(kFileHeaderBytes + n * kRecordBytes) +
                                     " of " + formatMemorySize(bytes.size()) +
                                     "); the memory budget is 3 MiB";
        QCOMPARE(capture.warnings, std::vector<std::string>{expected});
        // It stopped as soon as the index passed the budget, by less than one
        // slab of records.
        QVERIFY(capture.packets.memoryBytes() <= options.memoryBudget + (65536u * 36u));
        // The first n packets, each in its connection, nothing later.
        QCOMPARE(capture.tcpPackets, n);
        QCOMPARE(capture.packets.totalPackets(), n);
        QCOMPARE(capture.connections.size(), std::size_t{kConnections});
        QCOMPARE(capture.connectionStarts.size(), capture.connections.size());
        std::uint64_t counted = 0;
        for (std::uint32_t c = 0; c < capture.connections.size(); ++c) {
            const std::size_t count = capture.packets.packetCount(c);
            QCOMPARE(capture.connections[c].packets[0] + capture.connections[c].packets[1],
                     std::uint64_t{count});
            QVERIFY(capture.packets.at(c, count - 1).frame() <= n);
            counted += count;
        }
        QCOMPARE(counted, n);
    }

    void theCliPrintsWhatLoadedAndWarnsOnStderr() {
        TemporaryFile file(manyPackets());
        QProcess cli;
        cli.start(TCPLADDER_CLI, {"packets", QString::fromStdString(file.path()), "--format", "tsv",
                                  "--memory-budget", "3M"});
        QVERIFY(cli.waitForFinished(60'000));
        QCOMPARE(cli.exitCode(), 0);
        const QString error = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(error.startsWith("tcpladder-cli: warning: " + QString::fromStdString(file.path()) +
                                  ": loaded the first "),
                 qPrintable(error));
        QVERIFY2(error.contains("); the memory budget is 3 MiB\n"), qPrintable(error));
        const auto rows = QString::fromUtf8(cli.readAllStandardOutput()).count('\n') - 1;
        QVERIFY(rows > 10'000 && rows < int(kConnections * kPacketsEach));
        QVERIFY(error.contains(" " + QString::number(rows) + " packets"));

        QProcess bad;
        bad.start(TCPLADDER_CLI,
                  {"connections", QString::fromStdString(file.path()), "--memory-budget", "0"});
        QVERIFY(bad.waitForFinished(60'000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("--memory-budget needs a size"));
    }
};

QTEST_APPLESS_MAIN(TestMemoryBudget)
#include "test_memory_budget.moc"
