#include "gui_test_support.h"
#include "main_window.h"
#include "models/connection_table_model.h"
#include "table/connection_table_view.h"
#include "widgets/connection_summary_panel.h"
#include "widgets/warning_indicator.h"
#include "window/recent_files.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <fstream>
#include <sys/stat.h>
#include <thread>

using namespace tcpladder;
using namespace tcpladder::test;
using namespace tcpladder::ui;

using M = ConnectionTableModel;

namespace {

constexpr int kLoadTimeoutMs = 120'000;

bool openAndWait(MainWindow& window, const QString& path) {
    QSignalSpy loaded(&window, &MainWindow::captureLoaded);
    window.openCapture(path);
    return loaded.wait(kLoadTimeoutMs);
}

QList<int> shownIds(const ConnectionTableView& table) {
    QList<int> ids;
    for (int row = 0; row < table.model()->rowCount(); ++row)
        ids << table.model()->index(row, 0).data(M::ConnectionIdRole).toInt();
    return ids;
}

void clickHeader(ConnectionTableView& table, int column) {
    QHeaderView* header = table.horizontalHeader();
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                    header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

void clickRow(ConnectionTableView& table, int row, Qt::KeyboardModifiers modifiers = {}) {
    const QRect cell = table.visualRect(table.model()->index(row, M::ClientColumn));
    QTest::mouseClick(table.viewport(), Qt::LeftButton, modifiers, cell.center());
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TemporaryFile> m_scenario;
    std::unique_ptr<TemporaryFile> m_large;

    template <typename T> static T* child(QWidget& window, const char* name) {
        T* found = window.findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

private slots:
    void initTestCase() {
        isolateSettings();
        m_scenario = scenarioCapture();
        m_large = largeCapture(20'000);
    }

    void init() { QSettings().clear(); }

    void opensACaptureAndNamesIt() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        const QString name = QFileInfo(qPath(*m_scenario)).fileName();
        QCOMPARE(window.windowTitle(), name + QStringLiteral(" — tcpladder"));
        const QString summary = child<QLabel>(window, "captureSummary")->text();
        QVERIFY2(summary.contains(name), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("Ethernet")));
        QVERIFY(summary.contains(QStringLiteral("12 connections")));
        QVERIFY(summary.contains(QStringLiteral("TCP of")));
        QCOMPARE(child<QLabel>(window, "matchCount")->text(), QStringLiteral("12 connections"));
        QCOMPARE(window.connectionTable()->model()->rowCount(), 12);
        QVERIFY(!child<WarningIndicator>(window, "warningIndicator")->isVisible());
    }

    void loadsARealCapture() {
        MainWindow window;
        QVERIFY(openAndWait(window, corpusCapture()));
        QCOMPARE(window.connectionTable()->model()->rowCount(), 126);
        QAbstractItemModelTester tester(window.connectionTable()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        clickHeader(*window.connectionTable(), M::BytesToClientColumn);
        QCOMPARE(window.connectionTable()->model()->rowCount(), 126);
    }

    void aBadFileNamesTheReasonAndKeepsTheOpenCapture() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        const QString title = window.windowTitle();
        TemporaryFile bad(std::vector<std::uint8_t>(64, 'x'), ".pcap");
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.openCapture(qPath(bad));
        QVERIFY(failed.wait(kLoadTimeoutMs));
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("loadErrorDialog"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(QFileInfo(qPath(bad)).fileName()));
        const QString reason = failed.first().at(1).toString();
        QVERIFY(!reason.isEmpty());
        QVERIFY(reason.startsWith(qPath(bad) + QStringLiteral(": ")));
        // The box names the file once, in its text (issue 12, defect 8).
        QCOMPARE(box->informativeText(), reason.mid(qPath(bad).size() + 2));
        QCOMPARE(window.windowTitle(), title);
        QCOMPARE(window.connectionTable()->model()->rowCount(), 12);
        QVERIFY(window.connectionTable()->selectConnection(3));
        box->accept();
    }

    void aCaptureCutMidPacketOpensWithAWarning() {
        std::vector<std::uint8_t> bytes = buildPcap(scenarioFrames());
        bytes.resize(bytes.size() - 10);
        TemporaryFile cut(bytes);
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(cut)));
        auto* warning = child<WarningIndicator>(window, "warningIndicator");
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().startsWith(QStringLiteral("⚠ Warning:")),
                 qPrintable(warning->text()));
        QCOMPARE(window.connectionTable()->model()->rowCount(), 12);
    }

    void aCaptureFromAPipeSaysDetailsAreUnavailable() {
        QTemporaryDir dir;
        const QByteArray fifo = dir.filePath(QStringLiteral("capture.fifo")).toLocal8Bit();
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        const std::vector<std::uint8_t> bytes = buildPcap(scenarioFrames());
        // Blocks in open() until the load job opens the FIFO.
        std::thread writer([&] {
            std::ofstream out(fifo.constData(), std::ios::binary);
            out.write(reinterpret_cast<const char*>(bytes.data()),
                      static_cast<std::streamsize>(bytes.size()));
        });
        MainWindow window;
        window.show();
        const bool loaded = openAndWait(window, QString::fromLocal8Bit(fifo));
        writer.join();
        QVERIFY(loaded);
        QCOMPARE(window.connectionTable()->model()->rowCount(), 12);
        auto* warning = child<WarningIndicator>(window, "warningIndicator");
        QVERIFY(warning->isVisible());
        QCOMPARE(warning->warnings(),
                 QStringList{QStringLiteral(
                     "read from a pipe: packet details and SACK blocks are not available")});

        // The same capture from a file has no such warning.
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        QVERIFY(!warning->isVisible());
    }

    void escapeCancelsALoadAndKeepsThePreviousCapture() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        QSignalSpy cancelled(&window, &MainWindow::loadCancelled);
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(qPath(*m_large));
        QVERIFY(window.isLoading());
        QVERIFY(child<QWidget>(window, "loadProgress")->isVisible());
        QTest::keyClick(&window, Qt::Key_Escape);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!window.isLoading());
        QVERIFY(!child<QWidget>(window, "loadProgress")->isVisible());
        QTest::qWait(300);
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(window.connectionTable()->model()->rowCount(), 12);
    }

    // Issue 12, defect 8: the chart's reset-zoom also took Esc, so with the
    // chart focused during a load Esc was ambiguous and cancelled nothing.
    void escapeIsBoundOnceToCancelLoading() {
        MainWindow window;
        QStringList owners;
        for (const QAction* action : window.findChildren<QAction*>())
            if (action->shortcuts().contains(QKeySequence(Qt::Key_Escape)))
                owners << action->objectName();
        for (const QShortcut* shortcut : window.findChildren<QShortcut*>())
            if (shortcut->key() == QKeySequence(Qt::Key_Escape))
                owners << shortcut->parent()->metaObject()->className();
        QCOMPARE(owners, QStringList{QStringLiteral("cancelLoadAction")});
    }

    // Counts from tshark 4.0 on the file (frame.protocols of the frames
    // without tcp): 269 UDP (DNS, SSDP, DHCPv6, RIP), 109 ICMP, 4 ARP, 6 CDP.
    void theSummaryLineSaysWhatWasNotTcp() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, corpusCapture()));
        const QString text = child<QLabel>(window, "captureSummary")->text();
        QVERIFY2(text.contains(QStringLiteral("4,321 TCP of 4,709 packets")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("388 not TCP: UDP 269, ICMP 109, ARP 4")),
                 qPrintable(text));
    }

    void theCancelButtonCancelsToo() {
        MainWindow window;
        window.show();
        QSignalSpy cancelled(&window, &MainWindow::loadCancelled);
        window.openCapture(qPath(*m_large));
        QTest::mouseClick(child<QToolButton>(window, "cancelLoadButton"), Qt::LeftButton);
        QCOMPARE(cancelled.count(), 1);
    }

    void quittingDuringALoadIsImmediate() {
        auto window = std::make_unique<MainWindow>();
        window->show();
        window->openCapture(qPath(*m_large));
        QElapsedTimer elapsed;
        elapsed.start();
        window->close();
        window.reset();
        QVERIFY(elapsed.elapsed() < 200);
    }

    // (1) The first slow connection to a given server: type the server, sort
    // by start; the slow rows are highlighted. Two interactions.
    void questionFirstSlowConnectionToAServer() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        ConnectionTableView& table = *window.connectionTable();
        table.sortByColumn(M::HandshakeRttColumn, Qt::DescendingOrder);

        QTest::keyClicks(child<QLineEdit>(window, "filterText"), QStringLiteral("10.0.0.9:443"));
        QTRY_COMPARE(table.model()->rowCount(), 6);
        clickHeader(table, M::StartColumn);

        QCOMPARE(table.horizontalHeader()->sortIndicatorSection(), int{M::StartColumn});
        QCOMPARE(shownIds(table), (QList<int>{0, 1, 2, 3, 4, 10}));
        int firstSlow = -1;
        for (int row = 0; row < table.model()->rowCount() && firstSlow < 0; ++row) {
            const QModelIndex index = table.model()->index(row, 0);
            if (index.data(Qt::BackgroundRole).isValid())
                firstSlow = index.data(M::ConnectionIdRole).toInt();
        }
        QCOMPARE(firstSlow, 2);
    }

    // (2) Connections the client terminated early: one click.
    void questionConnectionsTheClientCutShort() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        QTest::mouseClick(child<QToolButton>(window, "cutShortToggle"), Qt::LeftButton);
        QCOMPARE(shownIds(*window.connectionTable()), (QList<int>{4, 7, 11}));
        QCOMPARE(child<QLabel>(window, "matchCount")->text(), QStringLiteral("3 of 12"));
    }

    // (3) Connections with retransmissions or zero windows: one click.
    void questionRetransmissionsOrZeroWindows() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        QTest::mouseClick(child<QToolButton>(window, "troubleToggle"), Qt::LeftButton);
        QCOMPARE(shownIds(*window.connectionTable()), (QList<int>{5, 6}));
    }

    void theSlowThresholdCanBeFixed() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        QTest::mouseClick(child<QToolButton>(window, "slowToggle"), Qt::LeftButton);
        QCOMPARE(shownIds(*window.connectionTable()), (QList<int>{2, 3, 10}));
        child<QSpinBox>(window, "slowThreshold")->setValue(350);
        QCOMPARE(shownIds(*window.connectionTable()), (QList<int>{2, 3}));
    }

    void selectingARowMakesItCurrentAcrossSortsAndFilters() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        ConnectionTableView& table = *window.connectionTable();
        QSignalSpy current(&window, &MainWindow::currentConnectionChanged);
        clickRow(table, 4);
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.first().first().toInt(), 4);
        auto* panel = child<ConnectionSummaryPanel>(window, "connectionSummary");
        QVERIFY(
            panel->fieldText(QStringLiteral("title")).contains(QStringLiteral("10.0.0.7:40004")));
        QVERIFY(panel->fieldText(QStringLiteral("ended"))
                    .startsWith(QStringLiteral("reset by client")));

        clickHeader(table, M::HandshakeRttColumn);
        QCOMPARE(table.selectedConnections(), QList<int>{4});
        QCOMPARE(
            table.model()->index(table.currentIndex().row(), 0).data(M::ConnectionIdRole).toInt(),
            4);

        auto* filter = child<QLineEdit>(window, "filterText");
        filter->setText(QStringLiteral(":80"));
        QTRY_COMPARE(table.model()->rowCount(), 4);
        QVERIFY(table.selectedConnections().isEmpty());
        QCOMPARE(table.currentConnection(), 4);
        filter->clear();
        QTRY_COMPARE(table.model()->rowCount(), 12);
        QCOMPARE(table.selectedConnections(), QList<int>{4});
        QCOMPARE(current.count(), 1);

        clickRow(table, 0);
        QCOMPARE(current.count(), 2);
    }

    void copiesRowsAsTsvAndAsAWiresharkFilter() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        ConnectionTableView& table = *window.connectionTable();
        clickRow(table, 2);
        clickRow(table, 4, Qt::ControlModifier);
        table.setFocus();
        QTest::keyClick(&table, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines =
            QApplication::clipboard()->text().split(QChar('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("#\tClient\tServer")));
        QVERIFY(lines[1].startsWith(QStringLiteral("2\t10.0.0.6:40002\t10.0.0.9:443")));
        QVERIFY(lines[2].startsWith(QStringLiteral("4\t")));
        child<QAction>(table, "copyFilterAction")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("tcp.stream in {2 4}"));
        clickRow(table, 7);
        child<QAction>(table, "copyFilterAction")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("tcp.stream eq 7"));
    }

    void geometrySplitterAndColumnsPersist() {
        QList<int> sizes;
        {
            MainWindow window;
            window.show();
            window.resize(1000, 700);
            auto* splitter = child<QSplitter>(window, "mainSplitter");
            splitter->setSizes({400, 200});
            sizes = splitter->sizes();
            window.connectionTable()->horizontalHeader()->resizeSection(M::ClientColumn, 333);
            window.close();
        }
        MainWindow window;
        window.show();
        QCOMPARE(window.size(), QSize(1000, 700));
        QCOMPARE(child<QSplitter>(window, "mainSplitter")->sizes(), sizes);
        QCOMPARE(window.connectionTable()->horizontalHeader()->sectionSize(M::ClientColumn), 333);
    }

    void recentFilesRememberAndPruneMissingOnes() {
        auto gone = std::make_unique<TemporaryFile>(buildPcap(scenarioFrames()));
        const QString gonePath = qPath(*gone);
        {
            MainWindow window;
            QVERIFY(openAndWait(window, gonePath));
            QVERIFY(openAndWait(window, qPath(*m_scenario)));
        }
        QCOMPARE(RecentFiles().files(), (QStringList{qPath(*m_scenario), gonePath}));
        gone.reset();
        QCOMPARE(RecentFiles().files(), QStringList{qPath(*m_scenario)});
        for (int i = 0; i < 12; ++i)
            RecentFiles().add(qPath(*m_scenario));
        QCOMPARE(RecentFiles().files().size(), 1);
    }

    void reloadKeepsTheCurrentConnection() {
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, qPath(*m_scenario)));
        QVERIFY(window.connectionTable()->selectConnection(6));
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.reload();
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QCOMPARE(window.connectionTable()->currentConnection(), 6);
        QCOMPARE(window.connectionTable()->selectedConnections(), QList<int>{6});
    }

    void aDroppedFileOpens() {
        MainWindow window;
        window.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(qPath(*m_scenario))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(&window, &drop);
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QCOMPARE(loaded.first().first().toString(), qPath(*m_scenario));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
