#include "gui_test_support.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder::test;

namespace {

constexpr int kRunTimeoutMs = 60'000;

struct Run {
    int exitCode = -1;
    QString report;
};

// Runs the tcpladder executable offscreen with its own settings folder.
Run runApp(const QStringList& arguments, const QString& reportVariable = {}) {
    QTemporaryDir home;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    const QString reportFile = home.filePath(QStringLiteral("report"));
    QStringList allArguments = arguments;
    if (reportVariable.isEmpty())
        allArguments.prepend(QStringLiteral("--report-loaded=") + reportFile);
    else
        environment.insert(reportVariable, reportFile);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TCPLADDER_GUI), allArguments);
    Run run;
    if (!process.waitForFinished(kRunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    QFile report(reportFile);
    if (report.open(QIODevice::ReadOnly))
        run.report = QString::fromUtf8(report.readAll());
    return run;
}

} // namespace

class TestGuiApp : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TemporaryFile> m_scenario;

private slots:
    void initTestCase() { m_scenario = scenarioCapture(); }

    void opensTheCaptureNamedOnTheCommandLine() {
        const Run run = runApp({qPath(*m_scenario)});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.report, QStringLiteral("loaded %1\n").arg(qPath(*m_scenario)));
    }

    void reportsThroughTheEnvironmentAsWhenStartedByXdgOpen() {
        const Run run = runApp({corpusCapture()}, QStringLiteral("TCPLADDER_REPORT_LOADED"));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.report, QStringLiteral("loaded %1\n").arg(corpusCapture()));
    }

    void aFileThatCannotBeOpenedFails() {
        const QString missing = QStringLiteral("/nonexistent/missing.pcap");
        const Run run = runApp({missing});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.report.startsWith(QStringLiteral("failed %1: %1: ").arg(missing)),
                 qPrintable(run.report));
    }

    void savesAScreenshotOfTheLoadedWindow() {
        QTemporaryDir out;
        const QString png = out.filePath(QStringLiteral("shot.png"));
        const Run run =
            runApp({QStringLiteral("--window-size=1024x640"), QStringLiteral("--select=3"),
                    QStringLiteral("--screenshot=") + png, qPath(*m_scenario)});
        QCOMPARE(run.exitCode, 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1024, 640));
    }
};

QTEST_GUILESS_MAIN(TestGuiApp)
#include "test_gui_app.moc"
