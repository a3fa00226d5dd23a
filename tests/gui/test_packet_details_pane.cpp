#include "ladder/packet_details_pane.h"
#include "loading/packet_details_job.h"
#include "test_chart_capture.h"
#include "view_state/connection_view_state.h"

#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>
#include <filesystem>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test::chart;

namespace {

// In the lossy transfer (test_chart_capture.h), sorted by time: packet 4 is
// the server's first data segment (raw seq 5001, frame 5); packet 18 the
// client's duplicate ACK at 57 ms (raw ack 7001, frame 19) with the SACK
// block 3001..8001.
constexpr qint64 kFirstData = 4;
constexpr qint64 kLastDupAck = 18;

} // namespace

class TestPacketDetailsPane : public QObject {
    Q_OBJECT

private slots:
    void indexedFieldsAtOnceThenTheHeader() {
        LossyCapture lossy;
        ConnectionViewState state;
        PacketDetailsPane pane(&state);
        QSignalSpy shown(&pane, &PacketDetailsPane::detailsShown);
        state.setCapture(lossy.capture);
        state.setConnection(0);
        state.setSelectedPacket(kLastDupAck);
        // Before the event loop turns: only what the index holds.
        QCOMPARE(pane.title(), QStringLiteral("Frame 19"));
        QString text = pane.text();
        QVERIFY2(text.contains("Packet / Acknowledgment number: 2001"), qPrintable(text));
        QVERIFY(text.contains("TCP header / Not available: reading from the file…"));
        QVERIFY(!text.contains("TCP options"));
        QCOMPARE(shown.count(), 0);
        const auto* tree = pane.findChild<QTreeWidget*>();
        QVERIFY(tree);
        const QTreeWidgetItem* packetSection = tree->topLevelItem(0);

        QTRY_COMPARE(shown.count(), 1);
        text = pane.text();
        QVERIFY2(text.contains("TCP header / Acknowledgment number (raw): 7001"), qPrintable(text));
        QVERIFY(text.contains("TCP options / SACK block 1: 3001–8001 (raw 8001–13001)"));
        QVERIFY(text.contains("Packet / Acknowledgment number: 2001"));
        // Filled in where it stood, not rebuilt.
        QCOMPARE(tree->topLevelItem(0), packetSection);
        QCOMPARE(tree->topLevelItem(0)->isExpanded(), true);
    }

    // The GUI thread never reads the file: with the file cut short after the
    // load, selecting still shows the index's fields at once, and the
    // worker's answer says why the header is missing.
    void cutShortFileShowsTheIndexAndTheReason() {
        LossyCapture lossy;
        ConnectionViewState state;
        PacketDetailsPane pane(&state);
        pane.show();
        state.setCapture(lossy.capture);
        state.setConnection(0);
        std::filesystem::resize_file(lossy.file.path(), 40);
        QSignalSpy shown(&pane, &PacketDetailsPane::detailsShown);
        state.setSelectedPacket(kLastDupAck);
        QVERIFY(pane.text().contains("Packet / Frame: 19"));
        QVERIFY(pane.text().contains("reading from the file…"));
        QTRY_COMPARE(shown.count(), 1);
        const QString text = pane.text();
        QVERIFY2(text.contains("TCP header / Not available: "), qPrintable(text));
        QVERIFY2(!text.contains("reading from the file…"), qPrintable(text));
        QVERIFY(!text.contains("TCP options"));
        QVERIFY(text.contains("Packet / Acknowledgment number: 2001"));
        QVERIFY(pane.isVisible());
    }

    void staleAnswerIsDropped() {
        LossyCapture lossy;
        ConnectionViewState state;
        PacketDetailsPane pane(&state);
        QStringList answers;
        connect(&pane, &PacketDetailsPane::detailsShown, this,
                [&] { answers << pane.title() + '\n' + pane.text(); });
        state.setCapture(lossy.capture);
        state.setConnection(0);
        state.setSelectedPacket(kFirstData);
        state.setSelectedPacket(kLastDupAck);
        QTRY_COMPARE(answers.size(), 1);
        QVERIFY(pane.job()->waitForIdle(5000));
        QTest::qWait(20); // an answer for packet 4 would be delivered by now
        QCOMPARE(answers.size(), 1);
        QVERIFY2(answers[0].startsWith("Frame 19\n"), qPrintable(answers[0]));
        QVERIFY(answers[0].contains("TCP header / Acknowledgment number (raw): 7001"));
        QVERIFY(!answers[0].contains("Sequence number (raw): 5001"));

        // Another capture opened while a read runs: its answer is not shown.
        LossyCapture other;
        state.setSelectedPacket(kFirstData);
        state.setCapture(other.capture);
        QCOMPARE(pane.title(), QStringLiteral("No packet selected"));
        QVERIFY(pane.job()->waitForIdle(5000));
        QTest::qWait(20);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(pane.title(), QStringLiteral("No packet selected"));
        QVERIFY(pane.text().isEmpty());
    }
};

QTEST_MAIN(TestPacketDetailsPane)
#include "test_packet_details_pane.moc"
