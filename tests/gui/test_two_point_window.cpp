#include "gui_test_support.h"
#include "ladder/merged_ladder_view.h"
#include "main_window.h"
#include "merged/two_point_view.h"
#include "models/merged_connection_table_model.h"

#include <QAction>
#include <QClipboard>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

constexpr int kLoadTimeoutMs = 30'000;

QString twoPointCapture(const char* name) {
    return QStringLiteral(TCPLADDER_SOURCE_DIR "/tests/merge/data/") + QLatin1String(name);
}

void dropFiles(MainWindow& window, const QStringList& paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(&window, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(&window, &drop);
}

} // namespace

// The main window with two capture points (issue 9), on the real two-point
// capture the merge engine's tests use (tests/merge/data).
class TestTwoPointWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { isolateSettings(); }

    void twoDroppedFilesAreMergedAndShown() {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QSignalSpy merged(&window, &MainWindow::capturesMerged);
        dropFiles(window, {twoPointCapture("client.pcap"), twoPointCapture("server.pcap")});
        QVERIFY(merged.wait(kLoadTimeoutMs));
        QCOMPARE(merged.first().first().toString(), QStringLiteral("client.pcap + server.pcap"));
        QVERIFY(window.showsMerge());
        TwoPointView* view = window.twoPointView();
        QVERIFY(view->merged());
        QCOMPARE(view->table()->model()->rowCount(),
                 static_cast<int>(view->merged()->connections.size()));
        QCOMPARE(view->table()->model()->index(0, MergedConnectionTableModel::SeenColumn).data(),
                 QVariant(QStringLiteral("both sides")));
        QVERIFY2(view->header()->text().startsWith(QStringLiteral("Offset ")),
                 qPrintable(view->header()->text()));
        QVERIFY(view->ladder()->layout());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("client.pcap + server.pcap")));

        // One capture opened afterwards replaces the merge with the one-file view.
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(twoPointCapture("client.pcap"));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QVERIFY(!window.showsMerge());
    }

    // Edit ▸ Copy Ladder Image / as Text copy the ladder shown: the merged
    // one while a merge is shown, which has no Mermaid or PlantUML form.
    void editMenuCopiesTheMergedLadderWhileOneIsShown() {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QSignalSpy merged(&window, &MainWindow::capturesMerged);
        window.openCaptures(twoPointCapture("client.pcap"), twoPointCapture("server.pcap"));
        QVERIFY(merged.wait(kLoadTimeoutMs));
        auto* image = window.findChild<QAction*>(QStringLiteral("copyLadderImageAction"));
        auto* text = window.findChild<QAction*>(QStringLiteral("copyLadderTextAction"));
        QVERIFY(image && text);
        QGuiApplication::clipboard()->clear();
        image->trigger();
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime && mime->hasImage());
        QVERIFY2(mime->text().startsWith(QStringLiteral("Merged connection 0: 10.77.2.1:54786")),
                 qPrintable(mime->text()));
        QGuiApplication::clipboard()->clear();
        text->trigger();
        QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasImage());
        QVERIFY(QGuiApplication::clipboard()->text().startsWith(
            QStringLiteral("Merged connection 0: ")));
        QList<QAction*> oneCaptureOnly;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text().contains(QStringLiteral("Mermaid")) ||
                action->text().contains(QStringLiteral("PlantUML")))
                oneCaptureOnly << action;
        QCOMPARE(oneCaptureOnly.size(), 2);
        for (QAction* action : oneCaptureOnly)
            QVERIFY(!action->isEnabled());

        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(twoPointCapture("client.pcap"));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        for (QAction* action : oneCaptureOnly)
            QVERIFY(action->isEnabled());
    }

    void addCapturePointReusesTheOpenCapture() {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(twoPointCapture("client.pcap"));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        const auto open = window.snapshot()->capture;
        QSignalSpy merged(&window, &MainWindow::capturesMerged);
        window.addCapturePoint(twoPointCapture("server.pcap"));
        QVERIFY(merged.wait(kLoadTimeoutMs));
        QCOMPARE(window.twoPointView()->merged()->points[0], open);
    }

    void aFailedMergeNamesTheFileAndKeepsWhatIsOpen() {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(twoPointCapture("client.pcap"));
        QVERIFY(loaded.wait(kLoadTimeoutMs));
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        const QString missing = QStringLiteral("/nonexistent/second.pcap");
        window.addCapturePoint(missing);
        QVERIFY(failed.wait(kLoadTimeoutMs));
        QCOMPARE(failed.first().at(0).toString(), missing);
        QVERIFY(failed.first().at(1).toString().startsWith(missing + QStringLiteral(": ")));
        QVERIFY(!window.showsMerge());
        QVERIFY(window.snapshot());
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("loadErrorDialog"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("second.pcap")));
    }

    void aKnownOffsetReachesTheMerge() {
        MainWindow window;
        window.show();
        window.setKnownOffset(250 * kMs);
        QSignalSpy merged(&window, &MainWindow::capturesMerged);
        window.openCaptures(twoPointCapture("client.pcap"), twoPointCapture("server.pcap"));
        QVERIFY(merged.wait(kLoadTimeoutMs));
        const ClockOffset& offset = window.twoPointView()->merged()->offset;
        QVERIFY(offset.userGiven);
        QCOMPARE(offset.estimate, 250 * kMs);
        QVERIFY2(window.twoPointView()->header()->text().startsWith(
                     QStringLiteral("Offset +250 ms (given)")),
                 qPrintable(window.twoPointView()->header()->text()));
    }
};

QTEST_MAIN(TestTwoPointWindow)
#include "test_two_point_window.moc"
