// The desktop application loading a large capture: the longest the GUI
// thread went without running its event loop (a 1 ms QTimer probe records
// the largest gap between ticks), and the time until the connection table
// is filled. Offscreen, so it runs without a display.
//
// Usage: tcpladder-bench-gui-load CAPTURE
#include "main_window.h"
#include "table/connection_table_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: tcpladder-bench-gui-load CAPTURE\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("tcpladder-bench"));
    tcpladder::ui::MainWindow window;
    window.resize(1366, 768);
    window.show();

    QElapsedTimer sinceTick;
    qint64 largestGapMs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout,
                     [&] { largestGapMs = std::max(largestGapMs, sinceTick.restart()); });

    int exitCode = 1;
    QObject::connect(&window, &tcpladder::ui::MainWindow::captureLoaded, [&] {
        // The table is filled in the same event-loop turn; let it paint once.
        QTimer::singleShot(0, [&] {
            const qint64 filledMs = sinceLaunch.elapsed();
            largestGapMs = std::max(largestGapMs, sinceTick.elapsed());
            std::printf("rows %d\nlaunch_to_table_ms %lld\nlargest_gui_stall_ms %lld\n",
                        window.connectionTable()->model()->rowCount(),
                        static_cast<long long>(filledMs), static_cast<long long>(largestGapMs));
            exitCode = 0;
            QApplication::quit();
        });
    });
    QObject::connect(&window, &tcpladder::ui::MainWindow::loadFailed,
                     [&](const QString&, const QString& reason) {
                         std::fprintf(stderr, "load failed: %s\n", qPrintable(reason));
                         QApplication::quit();
                     });
    QTimer::singleShot(0, [&] {
        sinceTick.start();
        probe.start();
        window.openCapture(QString::fromLocal8Bit(argv[1]));
    });
    QApplication::exec();
    return exitCode;
}
