// The merged ladder's packet details, Copy and PDF export (issue 9's
// two-point view, brought level with the one-capture ladder).
#include "ladder/merged_ladder_export.h"
#include "ladder/merged_ladder_view.h"
#include "load/capture_loader.h"
#include "loading/merge_engine.h"
#include "loading/packet_details_job.h"
#include "merged/merged_packet_details_pane.h"
#include "merged/two_point_view.h"
#include "merged_test_data.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

constexpr int kReadTimeoutMs = 10'000;

// A click on the middle of packet `packet`'s arrow, as a reader picks it.
void clickArrow(const MergedLadderView& ladder, std::size_t packet) {
    const MergedLadderLayout* layout = ladder.layout();
    QVERIFY(layout);
    const MergedArrow& arrow = layout->arrows().at(packet - layout->firstPacket());
    QCOMPARE(arrow.packet, packet);
    QTest::mouseClick(ladder.widget(), Qt::LeftButton, {},
                      ((arrow.start + arrow.end) / 2).toPoint());
}

// The "Section / Field: value" line of `field`, or empty.
QString line(const QString& text, const QString& prefix) {
    for (const QString& each : text.split(QChar('\n')))
        if (each.startsWith(prefix))
            return each;
    return {};
}

// tests/merge/data, the real two-point sample, merged as the application does.
std::shared_ptr<const MergedCapture> realSample() {
    std::array<std::shared_ptr<const LoadedCapture>, 2> points;
    int point = 0;
    for (const char* name : {"client.pcap", "server.pcap"}) {
        auto loaded = loadCapture(std::string(TCPLADDER_SOURCE_DIR "/tests/merge/data/") + name);
        if (!loaded)
            return nullptr;
        points[point++] = std::move(loaded.value());
    }
    auto merged = runMergeEngine(points[0], points[1], {});
    return merged ? std::make_shared<const MergedCapture>(std::move(merged.value())) : nullptr;
}

QAction* copyAction(const MergedLadderView& ladder) {
    for (QAction* action : ladder.actions())
        if (action->shortcut() == QKeySequence(QKeySequence::Copy))
            return action;
    return nullptr;
}

} // namespace

class TestMergedLadderUi : public QObject {
    Q_OBJECT

private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    // Data segment seq 1001 left the client side at 20.4 ms and never
    // reached the server side (lossyTransfer, packet 4).
    void aLostPacketShowsItsFateAndTheSenderSideTimeOnly() {
        TwoPointView view;
        view.resize(1400, 900);
        view.setMerged(twoPointCapture());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MergedPacketDetailsPane* details = view.details();
        QSignalSpy shown(details, &MergedPacketDetailsPane::detailsShown);
        clickArrow(*view.ladder(), 4);
        QCOMPARE(view.ladder()->selectedPacket(), std::optional<std::size_t>(4));
        const QString text = details->text();
        QCOMPARE(details->title(), QStringLiteral("Merged packet 5 · frames #5 | –"));
        QCOMPARE(line(text, "Between the points / Fate"),
                 QStringLiteral("Between the points / Fate: lost between the points"));
        const QString sent = line(text, "Between the points / At point 1");
        QVERIFY2(sent.startsWith(QStringLiteral(
                     "Between the points / At point 1 (client-side.pcap), sender side: ")),
                 qPrintable(text));
        QVERIFY2(sent.contains(QStringLiteral("+20.400 ms into the connection")), qPrintable(sent));
        QVERIFY2(sent.endsWith(QStringLiteral("frame 5")), qPrintable(sent));
        QCOMPARE(line(text, "Between the points / At point 2"),
                 QStringLiteral("Between the points / At point 2 (server-side.pcapng), receiver "
                                "side: not seen"));
        QVERIFY2(line(text, "Between the points / One-way delay").isEmpty(), qPrintable(text));
        // The fields of the one capture that saw it, none of the other's.
        QCOMPARE(line(text, "Point 1: Packet / Sequence number"),
                 QStringLiteral("Point 1: Packet / Sequence number: 1001"));
        QVERIFY2(line(text, "Point 2:").isEmpty(), qPrintable(text));
        // The header is re-read by the worker; these captures have no file.
        QVERIFY(shown.wait(kReadTimeoutMs));
        QVERIFY2(details->text().contains(QStringLiteral(
                     "Point 1: TCP header / Not available: the capture was not read from a file")),
                 qPrintable(details->text()));
    }

    void aPacketSeenAtBothPointsShowsBothTimesAndTheDelay() {
        TwoPointView view;
        view.resize(1400, 900);
        view.setMerged(twoPointCapture());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Data segment seq 1: 20.3 ms at the client side, 30.3 ms at the server side.
        clickArrow(*view.ladder(), 3);
        const QString text = view.details()->text();
        QCOMPARE(line(text, "Between the points / Fate"),
                 QStringLiteral("Between the points / Fate: seen at both points"));
        QVERIFY2(line(text, "Between the points / At point 1")
                     .contains(QStringLiteral("+20.300 ms into the connection), frame 4")),
                 qPrintable(text));
        QVERIFY2(line(text, "Between the points / At point 2")
                     .contains(QStringLiteral("+30.300 ms into the connection), frame 4")),
                 qPrintable(text));
        QCOMPARE(line(text, "Between the points / One-way delay"),
                 QStringLiteral("Between the points / One-way delay: 10.0 ms"));
        QVERIFY(!line(text, "Point 1: Packet / Frame").isEmpty());
        QVERIFY(!line(text, "Point 2: Packet / Frame").isEmpty());
        // Another connection forgets the packet.
        view.selectConnection(2);
        QCOMPARE(view.details()->title(), QStringLiteral("No packet selected"));
        QVERIFY(view.details()->text().isEmpty());
    }

    // The real sample: the server segment seq 5996 was dropped between the
    // points (drops.tsv), so only the server side's capture has its bytes.
    void detailsOfARealLostPacketAreReadFromTheFileThatSawIt() {
        const auto merged = realSample();
        QVERIFY(merged);
        const MergedConnection& connection = merged->connections.at(0);
        std::size_t lost = connection.packets.size();
        for (std::size_t i = 0; i < connection.packets.size() && lost == connection.packets.size();
             ++i)
            if (connection.packets[i].fate == PacketFate::LostBetween)
                lost = i;
        QVERIFY(lost < connection.packets.size());
        MergedPacketDetailsPane pane;
        QSignalSpy shown(&pane, &MergedPacketDetailsPane::detailsShown);
        pane.setPacket(merged, 0, static_cast<qint64>(lost));
        QVERIFY(pane.text().contains(QStringLiteral("reading from the file…")));
        QVERIFY(shown.wait(kReadTimeoutMs));
        const QString text = pane.text();
        QVERIFY2(line(text, "Between the points / At point 2 (server.pcap), sender side")
                     .endsWith(QStringLiteral("frame 16")),
                 qPrintable(text));
        QCOMPARE(line(text, "Between the points / At point 1 (client.pcap), receiver side"),
                 QStringLiteral(
                     "Between the points / At point 1 (client.pcap), receiver side: not seen"));
        QCOMPARE(line(text, "Point 2: Packet / Sequence number"),
                 QStringLiteral("Point 2: Packet / Sequence number: 5996"));
        QVERIFY2(line(text, "Point 2: TCP header / Source").endsWith(QStringLiteral(":8001")),
                 qPrintable(text));
        QVERIFY2(!line(text, "Point 2: TCP header / Sequence number (raw)").isEmpty(),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("reading from the file")));
        QVERIFY(line(text, "Point 1:").isEmpty());
    }

    // The picture a reader sees: the real sample's ladder at its first drop,
    // the dropped segment picked, its details beside the ladder.
    void rendersTheLadderBesideTheDetailsOfThePickedPacket() {
        const auto merged = realSample();
        QVERIFY(merged);
        TwoPointView view;
        view.resize(1366, 768);
        view.setMerged(merged);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MergedLadderView* ladder = view.ladder();
        const MergedArrow& lost = ladder->layout()->arrows().at(15);
        QCOMPARE(lost.shape, MergedArrowShape::LostBetween);
        ladder->verticalScrollBar()->setValue(
            qRound(lost.start.y() - ladder->viewport()->height() / 3.0));
        QSignalSpy shown(view.details(), &MergedPacketDetailsPane::detailsShown);
        QTest::mouseClick(ladder->widget(), Qt::LeftButton, {},
                          ((lost.start + lost.end) / 2).toPoint());
        QVERIFY(shown.wait(kReadTimeoutMs));
        const QRect ladderRect(ladder->mapTo(&view, QPoint(0, 0)), ladder->size());
        const QRect detailsRect(view.details()->mapTo(&view, QPoint(0, 0)), view.details()->size());
        QVERIFY(detailsRect.left() >= ladderRect.right());
        QVERIFY(detailsRect.width() > 200);
        const QImage image = view.grab().toImage();
        const QString out = QDir::temp().filePath(QStringLiteral("tcpladder-merged-details.png"));
        QVERIFY(image.save(out));
        qInfo("merged ladder with details rendered to %s", qPrintable(out));
        QVERIFY(view.details()->text().contains(QStringLiteral("lost between the points")));
    }

    void copyPutsTheVisibleLadderAsImageAndText() {
        TwoPointView view;
        view.resize(1400, 900);
        view.setMerged(twoPointCapture());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // F: the whole connection in view.
        view.ladder()->fit();
        // Listed in the ladder's context menu, and Ctrl+C while the ladder has focus.
        QCOMPARE(view.ladder()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(copyAction(*view.ladder()));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.ladder()->setFocus();
        QTest::keyClick(view.ladder(), Qt::Key_C, Qt::ControlModifier);
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime && mime->hasImage() && mime->hasText());
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        // The header and the visible rows at twice the pixels.
        QCOMPARE(image.width(), qCeil(view.ladder()->layout()->width() * 2));
        QVERIFY(image.height() > 2 * view.ladder()->layout()->headerHeight());
        const QStringList lines = mime->text().split(QChar('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.value(0).startsWith(QStringLiteral("Merged connection 0: 10.0.0.1:40000 → "
                                                          "10.0.0.2:80")),
                 qPrintable(mime->text()));
        // All nine packets are in view: one line each under the title.
        QCOMPARE(lines.size(), 10);
        QStringList lost;
        for (const QString& each : lines)
            if (each.contains(QStringLiteral("lost between the points")))
                lost << each;
        QCOMPARE(lost.size(), 1);
        QVERIFY2(lost[0].startsWith(QStringLiteral("→ #5 | –")), qPrintable(lost[0]));
        QVERIFY2(lost[0].contains(QStringLiteral("seq 1001 len 1000")), qPrintable(lost[0]));
        QVERIFY2(mime->text().contains(QStringLiteral("⟶ 10.0 ms")), qPrintable(mime->text()));
    }

    void copyTakesOnlyTheRowsInView() {
        TwoPointView view;
        view.resize(1400, 900);
        view.setMerged(twoPointCapture());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MergedLadderView* ladder = view.ladder();
        // Zoomed in so far that the last packets (70 ms) are out of view at the top.
        ladder->zoom(20);
        ladder->verticalScrollBar()->setValue(0);
        const auto [top, bottom] = ladder->visibleSlice();
        const auto [first, last] = ladder->layout()->packetsBetween(top, bottom);
        QVERIFY(first == 0 && last > 0 && last < 9);
        ladder->copyVisibleAsText();
        const QString text = QGuiApplication::clipboard()->text();
        QCOMPARE(text.split(QChar('\n'), Qt::SkipEmptyParts).size(), 1 + int(last - first));
        QVERIFY(!text.contains(QStringLiteral("only at the receiver side")));
    }

    void pdfExportIsPaginated() {
        const auto merged = twoPointCapture();
        QTemporaryDir dir;
        // 70 ms at 5 px/ms: one page.
        MergedLadderOptions options;
        options.pixelsPerMs = 5;
        const MergedLadderLayout shortLadder = mergedLadderLayout(merged, 0, options);
        const QString path = dir.filePath(QStringLiteral("merged.pdf"));
        const LadderExportResult result = exportMergedLadder(shortLadder, path, LadderFormat::Pdf);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.pages, 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        // At 200 px/ms the same 70 ms are 14,000 px: pages of A4 at the ladder's width.
        options.pixelsPerMs = 200;
        const MergedLadderLayout tall = mergedLadderLayout(merged, 0, options);
        const LadderExportResult pages =
            exportMergedLadder(tall, dir.filePath(QStringLiteral("tall.pdf")), LadderFormat::Pdf);
        QVERIFY2(pages.ok, qPrintable(pages.error));
        const double pageHeight = tall.width() * 277 / 190; // A4 less 10 mm margins
        QVERIFY2(pages.pages >= qFloor(tall.height() / pageHeight) && pages.pages > 5,
                 qPrintable(QString::number(pages.pages)));
    }
};

QTEST_MAIN(TestMergedLadderUi)
#include "test_merged_ladder_ui.moc"
