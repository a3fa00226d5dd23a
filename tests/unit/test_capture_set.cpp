#include "analysis/connection_timeline.h"
#include "decode/tcp_segment.h"
#include "load/capture_loader.h"
#include "load/capture_set.h"
#include "load/packet_details.h"
#include "support/rotation_scenario.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

using namespace tcpladder;
using namespace tcpladder::test;

class TestCaptureSet : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    RotationScenario m_scenario;

private slots:
    void initTestCase() {
        QVERIFY(m_directory.isValid());
        m_scenario = writeRotationScenario(m_directory.path().toStdString());
    }

    void aDirectoryIsItsFilesInTimeOrder() {
        std::ofstream(m_scenario.directory + "/.hidden") << "not a capture";
        const std::vector<std::string> files = captureSetFiles({m_scenario.directory});
        QCOMPARE(files, (std::vector<std::string>{m_scenario.earlyFile, m_scenario.lateFile}));
        QCOMPARE(captureSetFiles({m_scenario.lateFile, m_scenario.earlyFile}), files);
    }

    void aConnectionSpanningTwoFilesIsOne() {
        const auto loaded = loadCaptureSet({m_scenario.earlyFile, m_scenario.lateFile});
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        const LoadedCapture& capture = *loaded.value();
        QCOMPARE(capture.connections.size(), std::size_t{3});
        const std::size_t packets = m_scenario.connection0.size();
        QCOMPARE(capture.packets.packetCount(0), packets);
        QCOMPARE(capture.files.size(), std::size_t{2});
        QCOMPARE(capture.files[0].frames, std::uint64_t{6});
        QCOMPARE(capture.files[1].firstFrame, std::uint64_t{7});
        QCOMPARE(capture.fileOfFrame(6)->path, m_scenario.earlyFile);
        QCOMPARE(capture.fileOfFrame(7)->path, m_scenario.lateFile);
        // The 300 ms the third answer segment waited is a stall across the files.
        const std::vector<Silence> stalls = findStalls(capture, 0);
        QCOMPARE(stalls.size(), std::size_t{1});
        QCOMPARE(stalls[0].before, std::size_t{6});
        QCOMPARE(stalls[0].outstanding, 2800u);
        // Relative numbers run on: the late file's segment continues the early one's.
        QCOMPARE(capture.packets.at(0, 6).relativeSeq(), 2801u);
    }

    void detailsAreReadFromTheRightFile() {
        const auto loaded = loadCaptureSet({m_scenario.earlyFile, m_scenario.lateFile});
        QVERIFY(loaded.ok());
        const LoadedCapture& capture = *loaded.value();
        const auto first = readPacketDetails(capture, 0, 0);
        QVERIFY(first.ok());
        QCOMPARE(first.value().tcp.segment.flags, std::uint8_t{kSyn});
        const auto late = readPacketDetails(capture, 0, 6);
        QVERIFY2(late.ok(), late.ok() ? "" : late.error().c_str());
        QCOMPARE(late.value().tcp.segment.srcPort, std::uint16_t{443});
        QCOMPARE(late.value().tcp.segment.payloadLength, 1400u);
        const auto reset = readPacketDetails(capture, 0, 7);
        QVERIFY(reset.ok());
        QCOMPARE(reset.value().tcp.segment.flags & kRst, int{kRst});
        const auto other = readPacketDetails(capture, 2, 0);
        QVERIFY(other.ok());
        QCOMPARE(other.value().tcp.segment.srcPort, std::uint16_t{40002});
    }

    void oneFileAloneHasHalfTheConnection() {
        const auto loaded = loadCapture(m_scenario.earlyFile);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value()->packets.packetCount(0), std::size_t{6});
        QCOMPARE(loaded.value()->files.size(), std::size_t{1});
    }

    void anEmptyFileIsReadNotFailed() {
        const TemporaryFile empty(buildPcap({}));
        const auto alone = loadCaptureSet({empty.path()});
        QVERIFY(alone.ok());
        QCOMPARE(alone.value()->connections.size(), std::size_t{0});
        QVERIFY(alone.value()->warnings.empty());
        const auto withOthers = loadCaptureSet({m_scenario.earlyFile, empty.path()});
        QVERIFY(withOthers.ok());
        QCOMPARE(withOthers.value()->files.size(), std::size_t{2});
        QVERIFY(withOthers.value()->warnings.empty());
    }

    void anUnreadableFileIsAWarning() {
        const std::string bogus = m_scenario.directory + "/m-broken.pcap";
        std::ofstream(bogus) << "this is no capture";
        const auto loaded = loadCaptureSet({m_scenario.earlyFile, bogus, m_scenario.lateFile});
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value()->connections.size(), std::size_t{3});
        QCOMPARE(loaded.value()->warnings.size(), std::size_t{1});
        QVERIFY(loaded.value()->warnings.front().starts_with(bogus + ": "));
        const auto none = loadCaptureSet({bogus});
        QVERIFY(!none.ok());
        QVERIFY(none.error().starts_with(bogus + ": "));
        std::remove(bogus.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCaptureSet)
#include "test_capture_set.moc"
