#include "support/compressors.h"
#include "support/rotation_scenario.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder::test;

namespace {

struct Run {
    int exitCode;
    QString out;
    QString err;
};

Run runCli(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(TCPLADDER_CLI), arguments);
    if (!process.waitForFinished(30000))
        qFatal("tcpladder-cli did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QList<QJsonObject> jsonLines(const QString& text) {
    QList<QJsonObject> lines;
    for (const QString& line : text.split(QChar('\n'), Qt::SkipEmptyParts)) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            qFatal("not a JSON object: %s", qPrintable(line));
        lines << document.object();
    }
    return lines;
}

QStringList questionsAndIds(const QList<QJsonObject>& lines) {
    QStringList words;
    for (const QJsonObject& line : lines)
        words << line[QStringLiteral("question")].toString() + QChar(' ') +
                     QString::number(line[QStringLiteral("id")].toInt());
    return words;
}

} // namespace

class TestReportCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    RotationScenario m_scenario;
    QString m_dir;

private slots:
    void initTestCase() {
        QVERIFY(m_directory.isValid());
        m_scenario = writeRotationScenario(m_directory.path().toStdString());
        m_dir = QString::fromStdString(m_scenario.directory);
    }

    void jsonAnswersTheThreeQuestionsOverADirectory() {
        const Run run = runCli({"report", m_dir, "--format", "json"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        const QList<QJsonObject> lines = jsonLines(run.out);
        // Slow: 1 (401 ms against its peer's 11 ms); cut short: 0, which
        // spans both files; trouble, worst first: the 300 ms stall of 0, then
        // the retransmission of 2.
        QCOMPARE(questionsAndIds(lines),
                 (QStringList{"slow 1", "cut-short 0", "trouble 0", "trouble 2"}));
        const QJsonObject& slow = lines[0];
        QCOMPARE(slow["file"].toString(), QString::fromStdString(m_scenario.lateFile));
        QCOMPARE(slow["server"].toString(), QStringLiteral("10.0.0.8:80"));
        QCOMPARE(slow["handshake_rtt_ms"].toDouble(), 401.0);
        QCOMPARE(slow["rtt_threshold_ms"].toDouble(), 100.0);
        QCOMPARE(slow["rtt_slow"].toBool(), true);
        QCOMPARE(slow["reason"].toString(),
                 QStringLiteral("handshake RTT 401 ms (slow above 100 ms)"));
        const QJsonObject& cut = lines[1];
        QCOMPARE(cut["file"].toString(), QString::fromStdString(m_scenario.earlyFile));
        QCOMPARE(cut["how"].toString(), QStringLiteral("rst"));
        QCOMPARE(cut["bytes_before_close"].toInt(), 300 + 3 * 1400);
        QCOMPARE(cut["bytes_total"].toInt(), 300 + 3 * 1400);
        QCOMPARE(cut["close_after_ms"].toDouble(), 338.0);
        QCOMPARE(cut["reason"].toString(),
                 QStringLiteral("client RST after 4.50 kB of 4.50 kB, 338 ms in"));
        const QJsonObject& stall = lines[2];
        QCOMPARE(stall["stalls"].toInt(), 1);
        QCOMPARE(stall["longest_stall_ms"].toDouble(), 300.0);
        QCOMPARE(stall["retransmissions"].toInt(), 0);
        QCOMPARE(stall["reason"].toString(),
                 QStringLiteral("stall 300 ms with 2.80 kB from the server in flight"));
        QCOMPARE(lines[3]["retransmissions"].toInt(), 1);
        QCOMPARE(lines[3]["stalls"].toInt(), 0);
        QCOMPARE(lines[3]["reason"].toString(), QStringLiteral("1 retransmission"));
    }

    void filesGivenOneByOneAreTheSameSet() {
        const Run byDirectory = runCli({"report", m_dir, "--format", "tsv"});
        const Run byFiles =
            runCli({"report", QString::fromStdString(m_scenario.lateFile),
                    QString::fromStdString(m_scenario.earlyFile), "--format", "tsv"});
        QCOMPARE(byFiles.exitCode, 0);
        QCOMPARE(byFiles.out, byDirectory.out);
        const QStringList rows = byFiles.out.split(QChar('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0], QStringLiteral("question\tfile\tid\tclient\tserver\tstart\treason"));
        QVERIFY(rows[2].startsWith(QStringLiteral("cut-short\t") +
                                   QString::fromStdString(m_scenario.earlyFile) +
                                   QStringLiteral("\t0\t10.0.0.1:40000\t10.0.0.9:443\t")));
    }

    // What `tcpdump -G 3600 -z gzip` leaves: the same set, each file gzipped.
    void aDirectoryOfGzippedRotatedFilesIsTheSameSet() {
        QTemporaryDir gzipped;
        QVERIFY(gzipped.isValid());
        for (const std::string& plain : {m_scenario.earlyFile, m_scenario.lateFile}) {
            QFile in(QString::fromStdString(plain));
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            const auto compressed =
                gzipBytes(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
            QFile out(gzipped.filePath(QFileInfo(in).fileName() + QStringLiteral(".gz")));
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(reinterpret_cast<const char*>(compressed.data()),
                               static_cast<qint64>(compressed.size())),
                     static_cast<qint64>(compressed.size()));
        }
        const Run plain = runCli({"report", m_dir, "--format", "tsv"});
        const Run run = runCli(
            {"report", gzipped.path(), "--format", "tsv", "--fail-on", "slow,cut-short,loss"});
        QCOMPARE(run.exitCode, 15);
        QString expected = plain.out;
        expected.replace(m_dir + QStringLiteral("/z-early.pcap"),
                         gzipped.path() + QStringLiteral("/z-early.pcap.gz"));
        expected.replace(m_dir + QStringLiteral("/a-late.pcap"),
                         gzipped.path() + QStringLiteral("/a-late.pcap.gz"));
        QCOMPARE(run.out, expected);
    }

    void textIsForPeople() {
        const Run run = runCli({"report", m_dir});
        QCOMPARE(run.exitCode, 0);
        for (const QString& expected :
             {QStringLiteral("2 files, 3 TCP connections\n\n1. First slow connection:\n"
                             "  a-late.pcap #1  10.0.0.2:40001 -> 10.0.0.8:80  "),
              QStringLiteral("\n    handshake RTT 401 ms (slow above 100 ms)\n"),
              QStringLiteral("\n2. Cut short by the client: 1\n  z-early.pcap #0  "),
              QStringLiteral("\n    client RST after 4.50 kB of 4.50 kB, 338 ms in\n"),
              QStringLiteral("\n3. Loss, stalls or zero windows, worst first: 2\n")})
            QVERIFY2(run.out.contains(expected), qPrintable(run.out));
    }

    void serverAndFixedThresholdNarrowTheAnswers() {
        const Run server = runCli({"report", m_dir, "--format", "json", "--server", "10.0.0.8"});
        QCOMPARE(questionsAndIds(jsonLines(server.out)), (QStringList{"slow 1", "trouble 2"}));
        const Run port = runCli({"report", m_dir, "--format", "json", "--server", ":443"});
        QCOMPARE(questionsAndIds(jsonLines(port.out)), (QStringList{"cut-short 0", "trouble 0"}));
        const Run fixed = runCli({"report", m_dir, "--format", "json", "--slow", "5"});
        const QList<QJsonObject> lines = jsonLines(fixed.out);
        QCOMPARE(lines[0]["id"].toInt(), 0);
        QCOMPARE(lines[0]["reason"].toString(),
                 QStringLiteral("server think time 10.0 ms (first server byte after 20.0 ms, slow "
                                "above 5.00 ms); handshake RTT 11.0 ms (slow above 5.00 ms)"));
        const Run every =
            runCli({"report", m_dir, "--format", "json", "--slow", "5", "--all-slow"});
        QCOMPARE(questionsAndIds(jsonLines(every.out)).mid(0, 3),
                 (QStringList{"slow 0", "slow 1", "slow 2"}));
    }

    void failOnSetsTheExitStatus_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no --fail-on") << QStringList{} << 0;
        QTest::newRow("slow") << QStringList{"--fail-on", "slow"} << 9;
        QTest::newRow("cut-short") << QStringList{"--fail-on", "cut-short"} << 10;
        QTest::newRow("loss") << QStringList{"--fail-on", "loss"} << 12;
        QTest::newRow("all three") << QStringList{"--fail-on", "slow,cut-short,loss"} << 15;
        QTest::newRow("twice adds up")
            << QStringList{"--fail-on", "slow", "--fail-on", "loss"} << 13;
        QTest::newRow("not found: other server")
            << QStringList{"--fail-on", "cut-short", "--server", "10.0.0.8"} << 0;
        QTest::newRow("not found: high threshold")
            << QStringList{"--fail-on", "slow", "--slow", "1000"} << 0;
    }

    void failOnSetsTheExitStatus() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Run run = runCli(QStringList{"report", m_dir, "--format", "json"} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!run.out.isEmpty());
    }

    void theFirstFileAloneHasNothingToReport() {
        const Run run = runCli({"report", QString::fromStdString(m_scenario.earlyFile), "--fail-on",
                                "slow,cut-short,loss"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("2. Cut short by the client: none")));
    }

    void usageErrorsExitTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no capture") << QStringList{};
        QTest::newRow("bad --fail-on") << QStringList{"x.pcap", "--fail-on", "slow,late"};
        QTest::newRow("bad --server") << QStringList{"x.pcap", "--server", "example.com"};
        QTest::newRow("bad --slow") << QStringList{"x.pcap", "--slow", "fast"};
        QTest::newRow("bad --format") << QStringList{"x.pcap", "--format", "table"};
        QTest::newRow("missing value") << QStringList{"x.pcap", "--server"};
        QTest::newRow("unknown option") << QStringList{"x.pcap", "--connection", "1"};
    }

    void usageErrorsExitTwo() {
        QFETCH(QStringList, arguments);
        const Run run = runCli(QStringList{"report"} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("usage: tcpladder-cli report")));
    }

    void unreadableCapturesExitOne() {
        QTemporaryDir empty;
        const Run run = runCli({"report", empty.path(), "--fail-on", "slow"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(empty.path()));
        const Run missing = runCli({"report", m_dir + "/none.pcap"});
        QCOMPARE(missing.exitCode, 1);
    }

    void helpExitsZero() {
        const Run run = runCli({"report", "--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Exit status: 0 success")));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "test_report_cli.moc"
