#include "gui_test_support.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

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

struct ShellRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs a shell command with $TCPLADDER and $DIR set, for arguments that are
// not text (a QProcess argument list is) and redirections. `platform` empty:
// none named; "xcb" with no DISPLAY: any QApplication made would abort.
ShellRun runShell(const QString& command, const QString& dir, const QString& platform = {}) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!platform.isEmpty())
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    environment.insert(QStringLiteral("TCPLADDER"), QStringLiteral(TCPLADDER_GUI));
    environment.insert(QStringLiteral("DIR"), dir);
    QTemporaryDir home;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    ShellRun run;
    if (!process.waitForFinished(kRunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// A capture of the real two-point scenario (tests/merge/data).
QString twoPointCapture(const char* name) {
    return QStringLiteral(TCPLADDER_SOURCE_DIR "/tests/merge/data/") + QLatin1String(name);
}

std::string bytesPath(const QString& dir, const char* name) {
    return dir.toStdString() + '/' + name;
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
        QVERIFY2(run.report.startsWith(QStringLiteral("failed %1: ").arg(missing)),
                 qPrintable(run.report));
        QCOMPARE(run.report.count(missing), 1); // issue 12, defect 8: once, not twice
    }

    // Issue 11: --help aborted without a display; usage errors are one line.
    void helpVersionAndUsageErrorsNeedNoDisplay() {
        QTemporaryDir dir;
        const ShellRun help = runShell(QStringLiteral("\"$TCPLADDER\" --help"), dir.path(), "xcb");
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith(QStringLiteral("usage: tcpladder")));
        QVERIFY(help.out.contains(QStringLiteral("--export-chart")));
        const ShellRun version =
            runShell(QStringLiteral("\"$TCPLADDER\" --version"), dir.path(), "xcb");
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("tcpladder ")));
        const ShellRun wrong =
            runShell(QStringLiteral("\"$TCPLADDER\" --bogus x.pcap"), dir.path(), "xcb");
        QCOMPARE(wrong.exitCode, 2);
        QCOMPARE(wrong.err.count(QChar('\n')), 1);
        QVERIFY2(wrong.err.startsWith(QStringLiteral("tcpladder: unknown option '--bogus'")),
                 qPrintable(wrong.err));
    }

    // Issue 11: both export options in one run write both files.
    void bothExportsInOneRun() {
        QTemporaryDir dir;
        const ShellRun run = runShell(QStringLiteral("\"$TCPLADDER\" '%1' --connection 3 "
                                                     "--export-ladder \"$DIR/l.svg\" "
                                                     "--export-chart \"$DIR/c.png\" --scale 2")
                                          .arg(qPath(*m_scenario)),
                                      dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile svg(dir.filePath(QStringLiteral("l.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("</svg>"));
        QCOMPARE(QImage(dir.filePath(QStringLiteral("c.png"))).size(), QSize(2400, 1440));
    }

    // Issue 12, defect 6, and the combinations that make no sense: exit 2,
    // one line, nothing written.
    void exportUsageErrors_data() {
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("chart as .pdf") << "--connection 0 --export-chart \"$DIR/out.pdf\""
                                       << ".png or .svg, not";
        QTest::newRow("chart as .bmp") << "--connection 0 --export-chart \"$DIR/out.bmp\""
                                       << ".png or .svg, not";
        QTest::newRow("chart as .txt") << "--connection 0 --export-chart \"$DIR/out.txt\""
                                       << ".png or .svg, not";
        QTest::newRow("chart without a suffix") << "--connection 0 --export-chart \"$DIR/out\""
                                                << ".png or .svg, not";
        QTest::newRow("ladder as .gif") << "--connection 0 --export-ladder \"$DIR/out.gif\""
                                        << ".pdf, .txt, .mmd or .puml, not";
        QTest::newRow("no connection") << "--export-ladder \"$DIR/out.png\""
                                       << "needs a capture file and --connection";
        QTest::newRow("unknown chart") << "--connection 0 --export-chart \"$DIR/out.png\" "
                                          "--chart pie"
                                       << "--chart is one of";
        QTest::newRow("a ladder option alone") << "--connection 0 --export-chart \"$DIR/out.png\" "
                                                  "--packets 1-5"
                                               << "--packets goes with --export-ladder";
        QTest::newRow("three captures") << "\"$DIR/b.pcap\" \"$DIR/c.pcap\""
                                        << "more than two capture files";
        QTest::newRow("an offset with one capture") << "--offset 5"
                                                    << "--offset goes with two capture files";
        QTest::newRow("an offset that is no number") << "\"$DIR/b.pcap\" --offset 5ms"
                                                     << "--offset is seconds";
        QTest::newRow("a chart of a merge")
            << "\"$DIR/b.pcap\" --connection 0 --export-chart \"$DIR/out.png\""
            << "--export-chart takes one capture file";
        QTest::newRow("a merged ladder as text")
            << "\"$DIR/b.pcap\" --connection 0 --export-ladder \"$DIR/out.txt\""
            << "the merged ladder exports as .png, .svg or .pdf";
        QTest::newRow("a one-capture ladder option with two")
            << "\"$DIR/b.pcap\" --connection 0 --export-ladder \"$DIR/out.png\" --flat"
            << "--flat takes one capture file";
    }

    void exportUsageErrors() {
        QFETCH(QString, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const ShellRun run =
            runShell(QStringLiteral("\"$TCPLADDER\" '%1' %2").arg(qPath(*m_scenario), arguments),
                     dir.path(), "xcb");
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count(QChar('\n')), 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
    }

    // Issue 12, defect 8: one exit status for a connection that is not
    // there, 2 as in tcpladder-cli (a wrong argument, not a broken file).
    void aMissingConnectionIsExitTwo() {
        QTemporaryDir dir;
        const ShellRun exported = runShell(
            QStringLiteral("\"$TCPLADDER\" '%1' --connection 99 --export-ladder \"$DIR/l.png\"")
                .arg(qPath(*m_scenario)),
            dir.path());
        QCOMPARE(exported.exitCode, 2);
        QVERIFY2(exported.err.contains(QStringLiteral("has no connection 99")),
                 qPrintable(exported.err));
        const Run selected = runApp({QStringLiteral("--connection=99"), qPath(*m_scenario)});
        QCOMPARE(selected.exitCode, 2);
        QVERIFY2(selected.report.contains(QStringLiteral("has no connection 99")),
                 qPrintable(selected.report));
    }

    // Issue 12, defect 7: a capture whose name is not UTF-8 opens, and an
    // export is written under exactly the name given.
    void fileNamesThatAreNotUtf8() {
        QTemporaryDir dir;
        const std::string capture = bytesPath(dir.path(), "bad\xff\xfe.pcap");
        std::filesystem::copy_file(m_scenario->path(), capture);
        const ShellRun opened =
            runShell(QStringLiteral("\"$TCPLADDER\" --report-loaded=\"$DIR/report\" "
                                    "\"$DIR/$(printf 'bad\\377\\376.pcap')\""),
                     dir.path(), "offscreen");
        QVERIFY2(opened.exitCode == 0, qPrintable(opened.err));
        QFile report(dir.filePath(QStringLiteral("report")));
        QVERIFY(report.open(QIODevice::ReadOnly));
        QCOMPARE(report.readAll(),
                 QByteArray("loaded ") + QByteArray::fromStdString(capture) + '\n');

        const ShellRun exported = runShell(
            QStringLiteral("\"$TCPLADDER\" \"$DIR/$(printf 'bad\\377\\376.pcap')\" --connection 0 "
                           "--export-ladder \"$DIR/$(printf 'o\\377.png')\""),
            dir.path());
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(std::filesystem::exists(bytesPath(dir.path(), "o\xff.png")));
        QCOMPARE(std::distance(std::filesystem::directory_iterator(dir.path().toStdString()),
                               std::filesystem::directory_iterator{}),
                 3); // the capture, the report and the export: nothing under another name
        // QTemporaryDir cannot name these files to remove them.
        std::filesystem::remove_all(dir.path().toStdString());
    }

    // Issue 9: two captures on the command line are two capture points, merged.
    void opensTwoCapturePointsNamedOnTheCommandLine() {
        const QString client = twoPointCapture("client.pcap");
        const QString server = twoPointCapture("server.pcap");
        const Run run = runApp({client, server});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.report, QStringLiteral("merged client.pcap + server.pcap\n"));
        // A second file that cannot be read is named, with the reason.
        const QString missing = QStringLiteral("/nonexistent/missing.pcap");
        const Run failed = runApp({client, missing});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.report.startsWith(QStringLiteral("failed %1: ").arg(missing)),
                 qPrintable(failed.report));
    }

    // The merged ladder without a window names exactly the packets the
    // router dropped between the points (tests/merge/data/drops.tsv: two
    // server segments of connection 0, to client port 54786).
    void exportsTheMergedLadderHeadless() {
        QTemporaryDir dir;
        const ShellRun run =
            runShell(QStringLiteral("\"$TCPLADDER\" '%1' '%2' --connection 0 "
                                    "--export-ladder \"$DIR/merged.svg\"")
                         .arg(twoPointCapture("client.pcap"), twoPointCapture("server.pcap")),
                     dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile svg(dir.filePath(QStringLiteral("merged.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(svg.readAll());
        QCOMPARE(text.count(QStringLiteral("lost between the points")), 2);
        QVERIFY(text.contains(QStringLiteral("seq 5996 len 1448")));
        QVERIFY(text.contains(QStringLiteral("seq 16132 len 1448")));
        QVERIFY(text.contains(QStringLiteral("10.77.2.1:54786")));
    }

    // The same as a PDF: A4 pages, the two drops named in its text.
    void exportsTheMergedLadderAsPdfHeadless() {
        QTemporaryDir dir;
        const ShellRun run =
            runShell(QStringLiteral("\"$TCPLADDER\" '%1' '%2' --connection 0 --packets 14-33 "
                                    "--export-ladder \"$DIR/merged.pdf\"")
                         .arg(twoPointCapture("client.pcap"), twoPointCapture("server.pcap")),
                     dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString path = dir.filePath(QStringLiteral("merged.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY2(pdf.size() > 10'000, qPrintable(QString::number(pdf.size())));
        QVERIFY(QString::fromLatin1(pdf).count(QRegularExpression("/Type\\s*/Page\\b")) >= 1);
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty()) {
            qInfo("pdftotext is not installed: the PDF's words are not read back");
            return;
        }
        QProcess text;
        text.start(pdftotext, {path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(kRunTimeoutMs));
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        // The two labels, and the title's count of them.
        QVERIFY2(words.count(QStringLiteral("lost between the points")) >= 2, qPrintable(words));
        QVERIFY2(words.contains(QStringLiteral("seq 5996 len 1448")), qPrintable(words));
        QVERIFY2(words.contains(QStringLiteral("seq 16132 len 1448")), qPrintable(words));
        QVERIFY2(words.contains(QStringLiteral("Merged connection 0")), qPrintable(words));
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
