#include "gui_test_support.h"
#include "main_window.h"
#include "table/connection_table_view.h"
#include "widgets/warning_indicator.h"

#include <QSignalSpy>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;
using namespace tcpladder::ui;

// A capture larger than the memory budget opens with what fitted, and the
// status bar says how much that was.
class TestBudgetWarning : public QObject {
    Q_OBJECT

private slots:
    void aCaptureOverTheBudgetOpensPartlyWithAWarning() {
        const auto large = largeCapture(10'000);
        MainWindow window;
        window.setMemoryBudget(std::uint64_t{3} << 20);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(qPath(*large));
        QVERIFY(loaded.wait(120'000));
        const LoadedCapture& capture = *window.snapshot()->capture;
        QVERIFY(capture.truncatedByBudget);
        QVERIFY(capture.connections.size() < 10'000);
        auto* warning = window.findChild<WarningIndicator*>("warningIndicator");
        QVERIFY(warning && warning->isVisible());
        const QString expected =
            "⚠ Warning: loaded the first " + QString::number(capture.frames) + " packets (";
        QVERIFY2(warning->text().startsWith(expected), qPrintable(warning->text()));
        QVERIFY2(warning->text().endsWith("the memory budget is 3 MiB"),
                 qPrintable(warning->text()));
        // What loaded is usable: every connection it holds is in the table.
        QCOMPARE(window.connectionTable()->model()->rowCount(),
                 static_cast<int>(capture.connections.size()));
        QVERIFY(window.connectionTable()->selectConnection(0));
    }
};

QTEST_MAIN(TestBudgetWarning)
#include "test_budget_warning.moc"
