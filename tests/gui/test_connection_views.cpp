#include "decode/tcp_segment.h"
#include "gui_test_support.h"
#include "ladder/ladder_view.h"
#include "main_window.h"
#include "table/connection_table_view.h"
#include "view_state/connection_view_state.h"

#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;
using namespace tcpladder::ui;

namespace {

const QString kSample = QStringLiteral(TCPLADDER_SOURCE_DIR "/resources/samples/sample.pcap");

int runApp(const QStringList& arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display at all: the exports must choose the offscreen platform themselves.
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TCPLADDER_GUI), arguments);
    if (!process.waitForFinished(60'000))
        return -1;
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

// The views below the table follow the table through one shared state.
class TestConnectionViews : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void selectingARowDrivesLadderChartAndDetails() {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(kSample);
        QVERIFY(loaded.wait(60'000));
        ConnectionViewState* state = window.viewState();
        QCOMPARE(state->capture()->connections.size(), std::size_t{3});

        window.connectionTable()->selectConnection(1);
        QCOMPARE(state->connection(), 1);
        // The client reset this one: the ladder can step to the RST.
        window.ladder()->selectNextReset();
        QVERIFY(state->selectedPacket() >= 0);
        const PacketRecord& packet =
            state->capture()->packets.at(1, static_cast<std::size_t>(state->selectedPacket()));
        QVERIFY(packet.flags() & kRst);

        // A new capture clears what was selected.
        QSignalSpy connectionChanges(state, &ConnectionViewState::connectionChanged);
        window.openCapture(kSample);
        QVERIFY(loaded.wait(60'000));
        QVERIFY(!connectionChanges.isEmpty());
    }

    void headlessExportsWriteFilesWithoutADisplay_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("ladder png") << QStringList{"--export-ladder"} << "png";
        QTest::newRow("ladder svg") << QStringList{"--export-ladder"} << "svg";
        QTest::newRow("ladder pdf") << QStringList{"--export-ladder"} << "pdf";
        QTest::newRow("chart png") << QStringList{"--export-chart"} << "png";
        QTest::newRow("throughput svg")
            << QStringList{"--chart", "throughput", "--export-chart"} << "svg";
    }

    void headlessExportsWriteFilesWithoutADisplay() {
        QFETCH(QStringList, options);
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const QString out = dir.filePath("out." + suffix);
        QCOMPARE(runApp(QStringList{kSample, "--connection", "2"} + options + QStringList{out}), 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(8);
        if (suffix == "png") {
            QVERIFY(head.startsWith("\x89PNG"));
            const QImage image(out);
            QVERIFY(image.width() > 300 && image.height() > 200);
        } else if (suffix == "pdf") {
            QVERIFY(head.startsWith("%PDF-"));
        } else {
            QVERIFY(head.startsWith("<?xml") || head.startsWith("<svg"));
        }
    }
};

QTEST_MAIN(TestConnectionViews)
#include "test_connection_views.moc"
