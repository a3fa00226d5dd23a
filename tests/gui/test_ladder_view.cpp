#include "decode/tcp_segment.h"
#include "ladder/ladder_export_dialog.h"
#include "ladder/ladder_header.h"
#include "ladder/ladder_headless_export.h"
#include "ladder/ladder_view.h"
#include "ladder/packet_details_pane.h"
#include "ladder_test_support.h"
#include "support/test_paths.h"
#include "view_state/connection_view_state.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

QString corpus(const char* name) {
    return QString::fromStdString(corpusDir()) + '/' + name;
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

double inkShare(const QImage& image) {
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 200;
    return static_cast<double>(ink) / (static_cast<double>(image.width()) * image.height());
}

} // namespace

class TestLadderView : public QObject {
    Q_OBJECT

private slots:
    void headlessExportOfCorpusConnection_data() {
        QTest::addColumn<QString>("capture");
        QTest::addColumn<bool>("range");
        QTest::newRow("handshake and reset")
            << corpus("PcapPlusPlus/one_http_stream_rst.pcap") << false;
        QTest::newRow("lossy transfer, a frame range at 2x")
            << corpus("zeek/206_example_b.pcap") << true;
    }
    void headlessExportOfCorpusConnection() {
        QFETCH(QString, capture);
        QFETCH(bool, range);
        LadderExportSettings settings;
        settings.output = m_dir.filePath("corpus.png");
        if (range) {
            settings.firstFrame = 1;
            settings.lastFrame = 120;
            settings.scale = 2;
        }
        QCOMPARE(writeLadderExport(loadCapture(capture.toStdString()).value(), 0, settings),
                 QString());
        const QImage image(settings.output);
        QVERIFY(!image.isNull());
        QVERIFY(image.height() > 600);
        QVERIFY2(distinctColours(image) > 40, "a real drawing has many colours");
        const double ink = inkShare(image);
        QVERIFY2(ink > 0.01 && ink < 0.5, qPrintable(QString::number(ink)));
    }

    // Issue 12, defect 4: SVG and PDF on a full disk fail as PNG does.
    void headlessExportErrors_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("SVG on a full disk") << "full.svg"
                                            << "No space left on device";
        QTest::newRow("PDF on a full disk") << "full.pdf"
                                            << "No space left on device";
        QTest::newRow("PNG on a full disk") << "full.png"
                                            << "No space left on device";
        QTest::newRow("frames the connection does not have") << "range.png"
                                                             << "no packet in frames 500-600";
        QTest::newRow(".gif") << "x.gif"
                              << ".png, .svg, .pdf, .txt, .mmd or .puml";
    }
    void headlessExportErrors() {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const auto capture =
            loadCapture(corpus("PcapPlusPlus/one_http_stream_rst.pcap").toStdString()).value();
        LadderExportSettings settings;
        settings.output = m_dir.filePath(file);
        if (file.startsWith("full"))
            QVERIFY(QFile::link("/dev/full", settings.output));
        if (file.startsWith("range")) {
            settings.firstFrame = 500;
            settings.lastFrame = 600;
        }
        const QString error = writeLadderExport(capture, 0, settings);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void clickSelectsAndKeysMove() {
        ConnectionViewState state;
        LadderView view(&state);
        PacketDetailsPane details(&state);
        view.resize(1000, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // From a file: the details pane re-reads the header from it.
        const TemporaryFile file(buildPcap(resetConversation()));
        state.setCapture(loadCapture(file.path()).value());
        state.setConnection(0);
        QVERIFY(view.ladderLayout());
        const LadderLayout& layout = *view.ladderLayout();
        const auto [top, bottom] = view.visibleSlice();
        QCOMPARE(top, 0.0);
        const LadderArrow arrow = layout.arrow(2);
        const QPointF onArrow =
            arrow.pointAtX(arrow.start.x() + 0.2 * (arrow.end.x() - arrow.start.x()));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          QPoint(qRound(onArrow.x()), qRound(onArrow.y() + ladderHeaderHeight())));
        QCOMPARE(state.selectedPacket(), 2);
        QVERIFY(details.text().contains("Frame: 3"));
        // The header is re-read from the file on the details pane's worker.
        QTRY_VERIFY(details.text().contains("TCP options"));
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(state.selectedPacket(), 3);
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(state.selectedPacket(), static_cast<qint64>(layout.data().packetCount() - 1));
        QTest::keyClick(&view, Qt::Key_Home);
        QTest::keyClick(&view, Qt::Key_X); // next reset
        QVERIFY(layout.data().packet(static_cast<std::size_t>(state.selectedPacket())).flags() &
                kRst);
        QVERIFY(state.visibleEnd() > state.visibleBegin());
        QVERIFY(!view.grab().isNull());
    }

    void zoomAndFit() {
        ConnectionViewState state;
        LadderView view(&state);
        view.resize(1000, 700);
        state.setCapture(loadFrames(resetConversation()));
        state.setConnection(0);
        const double before = view.ladderLayout()->pixelsPerSecond();
        view.zoomBy(2);
        QVERIFY(std::abs(view.ladderLayout()->pixelsPerSecond() - 2 * before) < 1e-6 * before);
        view.fitConnection();
        QVERIFY(view.ladderLayout()->contentHeight() <= view.viewport()->height());
        view.setTimeAxis(TimeAxis::PerPacket);
        QCOMPARE(view.ladderLayout()->options().axis, TimeAxis::PerPacket);
    }

    void defaultZoomFollowsTheHeightUntilZoomed() {
        ConnectionViewState state;
        LadderView view(&state);
        view.resize(1000, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        state.setCapture(loadFrames(resetConversation()));
        state.setConnection(0);
        const double small = view.ladderLayout()->pixelsPerSecond();
        // The window reaches its size after the selection: still the whole story.
        view.resize(1000, 900);
        QTRY_VERIFY(view.ladderLayout()->pixelsPerSecond() > 2 * small);
        QVERIFY(view.ladderLayout()->contentHeight() <= view.viewport()->height());
        view.zoomBy(2);
        const double zoomed = view.ladderLayout()->pixelsPerSecond();
        view.resize(1000, 500);
        QTRY_VERIFY(view.viewport()->height() < 500);
        QCOMPARE(view.ladderLayout()->pixelsPerSecond(), zoomed); // the reader's zoom stays
    }

    void exportDialogWritesTheChosenRange() {
        ConnectionViewState state;
        LadderView view(&state);
        view.resize(1000, 700);
        state.setCapture(loadFrames(resetConversation()));
        state.setConnection(0);
        LadderExportDialog dialog(&view);
        dialog.setPath(m_dir.filePath("dialog.pdf"));
        dialog.setRange(LadderExportDialog::Range::Frames);
        dialog.setFrames(2, 4);
        const LadderExportRequest request = dialog.request();
        QCOMPARE(request.format, LadderFormat::Pdf);
        QCOMPARE(request.firstPacket, std::size_t{1});
        QCOMPARE(request.lastPacket, std::size_t{4});
        QVERIFY(dialog.exportNow());
        QVERIFY(QFileInfo(m_dir.filePath("dialog.pdf")).size() > 1000);
    }

private:
    static std::vector<Frame> resetConversation() {
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(20 * kLadderMs, 20 * kLadderMs)
            .clientSends(kLadderMs, 300)
            .serverSends(5 * kLadderMs, 1200)
            .clientRst(10 * kLadderMs);
        return c.frames();
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLadderView)
#include "test_ladder_view.moc"
