#include "support/capture_writer.h"
#include "support/packet_builder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

struct MarkCounts {
    int retransmissions = 0;
    int dupAcks = 0;
    int zeroWindows = 0;
};

// Packets per connection that carry each analysis mark, from an oracle
// packets table (the `analysis` column, see ../shared/oracle/ORACLE.md).
QList<MarkCounts> marksPerConnection(const QString& oracleTable) {
    QFile file(oracleTable);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(oracleTable));
    QList<MarkCounts> counts;
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    for (const QString& line : lines.mid(1)) {
        const QStringList fields = line.split('\t');
        const int conn = fields.value(1).toInt();
        if (counts.size() <= conn)
            counts.resize(conn + 1);
        const QStringList marks = fields.value(9).split(',');
        counts[conn].retransmissions += marks.contains("retransmission");
        counts[conn].dupAcks += marks.contains("dup-ack");
        counts[conn].zeroWindows += marks.contains("zero-window");
    }
    return counts;
}

// Runs the CLI through the shell, for redirections a QProcess cannot make.
Run runShell(const QString& command) {
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    if (!process.waitForFinished(30000))
        qFatal("the shell did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

Frame frame(std::int64_t ms, bool toServer, TcpSpec spec) {
    if (!toServer)
        std::swap(spec.srcPort, spec.dstPort);
    const Bytes ip = toServer ? ipv4("192.0.2.10", "198.51.100.7", kProtoTcp, tcp(spec))
                              : ipv4("198.51.100.7", "192.0.2.10", kProtoTcp, tcp(spec));
    return Frame{1'600'000'000'000'000'000 + ms * 1'000'000, ethernet(0x0800, ip)};
}

// A short HTTP-like exchange the client ends with a reset.
Bytes exchange() {
    return buildPcap({
        frame(0, true, {.seq = 1000, .flags = 0x02}),
        frame(12, false, {.seq = 9000, .ack = 1001, .flags = 0x12}),
        frame(24, true, {.seq = 1001, .ack = 9001, .flags = 0x10}),
        frame(25, true, {.seq = 1001, .ack = 9001, .flags = 0x18, .payloadLength = 120}),
        frame(60, false, {.seq = 9001, .ack = 1121, .flags = 0x18, .payloadLength = 1400}),
        frame(61, true, {.seq = 1121, .ack = 10401, .flags = 0x04}),
    });
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void usageErrorsExitTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no arguments") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate", "x.pcap"};
        QTest::newRow("missing file") << QStringList{"connections"};
        QTest::newRow("bad format") << QStringList{"connections", "x.pcap", "--format", "ladder"};
        QTest::newRow("bad connection id")
            << QStringList{"packets", "x.pcap", "--connection", "x1"};
        QTest::newRow("three captures") << QStringList{"connections", "a.pcap", "b.pcap", "c.pcap"};
        QTest::newRow("offset with one capture")
            << QStringList{"connections", "a.pcap", "--offset", "1"};
        QTest::newRow("offset not seconds")
            << QStringList{"connections", "a.pcap", "b.pcap", "--offset", "1.5s"};
        QTest::newRow("offset finer than nanoseconds")
            << QStringList{"connections", "a.pcap", "b.pcap", "--offset", "0.0000000001"};
        QTest::newRow("ladder of two captures")
            << QStringList{"packets", "a.pcap", "b.pcap", "--format", "ladder"};
        QTest::newRow("messages of two captures") << QStringList{"messages", "a.pcap", "b.pcap"};
    }

    void usageErrorsExitTwo() {
        QFETCH(QStringList, arguments);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("usage:"));
    }

    void helpExitsZero() {
        const Run run = runCli({"--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("tcpladder-cli connections FILE"));
    }

    void unreadableCaptureExitsOneNamingTheFile() {
        TemporaryFile file(Bytes{'n', 'o', 'p', 'e', 0, 0, 0, 0, 0, 0});
        const Run run = runCli({"connections", QString::fromStdString(file.path())});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QString::fromStdString(file.path())));
        QCOMPARE(run.out, QString());
    }

    void unreadableSecondCaptureExitsOneNamingIt() {
        const QString client = QStringLiteral(TCPLADDER_SOURCE_DIR "/tests/merge/data/client.pcap");
        TemporaryFile file(Bytes{'n', 'o', 'p', 'e', 0, 0, 0, 0, 0, 0});
        const Run run = runCli({"connections", client, QString::fromStdString(file.path())});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QString::fromStdString(file.path())));
        QCOMPARE(run.out, QString());
    }

    void mergedViewTakesAGivenOffset() {
        const QString data = QStringLiteral(TCPLADDER_SOURCE_DIR "/tests/merge/data/");
        const Run run = runCli({"connections", data + "client.pcap", data + "server.pcap",
                                "--format", "json", "--offset", "-0.000000500"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject offset = QJsonDocument::fromJson(run.out.toUtf8())["offset"].toObject();
        QCOMPARE(offset["user_given"].toBool(), true);
        QCOMPARE(offset["estimate"].toDouble(), -0.0000005);
        const Run missing =
            runCli({"packets", data + "client.pcap", data + "server.pcap", "--connection", "2"});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("has no connection 2 (it has 2)"));
    }

    void tsvConnection() {
        TemporaryFile file(exchange());
        const Run run =
            runCli({"connections", QString::fromStdString(file.path()), "--format", "tsv"});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[1], QString("0\t1\t6\t192.0.2.10:40000\t198.51.100.7:80\t4\t2\t120\t1400\t"
                                   "1600000000.000000000\t0.061000000"));
    }

    void ladderShowsRelativeAcks() {
        TemporaryFile file(exchange());
        const Run run = runCli({"packets", QString::fromStdString(file.path())});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7); // header + 6 packets
        QVERIFY(lines[0].contains("client 192.0.2.10:40000, server 198.51.100.7:80"));
        QVERIFY(lines[1].startsWith("-->[     1]"));
        QVERIFY(lines[2].trimmed().startsWith("<--[     2]"));
        QVERIFY2(lines[2].contains("flag=SA") && lines[2].contains("ack=1 "), qPrintable(lines[2]));
        QVERIFY2(lines[5].contains("seq=1 ") && lines[5].contains("ack=121 ") &&
                     lines[5].contains("len=1400"),
                 qPrintable(lines[5]));
        QVERIFY2(lines[6].contains("flag=R ") && lines[6].contains("seq=121 "),
                 qPrintable(lines[6]));
    }

    void jsonCarriesTheSameFields() {
        TemporaryFile file(exchange());
        const Run conns =
            runCli({"connections", QString::fromStdString(file.path()), "--format", "json"});
        QCOMPARE(conns.exitCode, 0);
        const QJsonObject document = QJsonDocument::fromJson(conns.out.toUtf8()).object();
        QCOMPARE(document["packets"].toInt(), 6);
        QCOMPARE(document["tcp_packets"].toInt(), 6);
        QVERIFY(document["not_tcp"].toObject().isEmpty());
        const QJsonArray connections = document["connections"].toArray();
        QCOMPARE(connections.size(), 1);
        const QJsonObject c = connections[0].toObject();
        QCOMPARE(c["client"].toString(), QString("192.0.2.10:40000"));
        QCOMPARE(c["state"].toString(), QString("RSTO"));
        QCOMPARE(c["closed_by"].toString(), QString("client RST"));
        QCOMPARE(c["syn_to_synack_ms"].toDouble(), 12.0);

        const Run packets = runCli({"packets", QString::fromStdString(file.path()), "--connection",
                                    "0", "--format", "json"});
        QCOMPARE(packets.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(packets.out.toUtf8()).array();
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[4].toObject()["ack"].toInt(), 121);
        QCOMPARE(rows[4].toObject()["dir"].toString(), QString("<"));
    }

    // The bundled sample: a download, a client reset, a lossy transfer. The
    // expected counts come from Wireshark: tests/unit/data/sample.packets.tsv
    // is ../shared/oracle/make-oracle's table (tshark 4.0) for the sample.
    void sampleCaptureAnswersTheUsualQuestions() {
        const Run run = runCli(
            {"connections", QStringLiteral(TCPLADDER_SOURCE_DIR) + "/resources/samples/sample.pcap",
             "--format", "json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray connections =
            QJsonDocument::fromJson(run.out.toUtf8()).object()["connections"].toArray();
        QCOMPARE(connections.size(), 3);
        QCOMPARE(connections[0].toObject()["state"].toString(), QString("SF"));
        QCOMPARE(connections[1].toObject()["state"].toString(), QString("RSTO"));
        QCOMPARE(connections[1].toObject()["closed_by"].toString(), QString("client RST"));
        const QList<MarkCounts> wireshark = marksPerConnection(
            QStringLiteral(TCPLADDER_SOURCE_DIR) + "/tests/unit/data/sample.packets.tsv");
        QCOMPARE(wireshark.size(), 3);
        QVERIFY(wireshark[1].zeroWindows > 0 && wireshark[2].retransmissions > 0 &&
                wireshark[2].dupAcks > 0);
        for (qsizetype id = 0; id < connections.size(); ++id) {
            const QJsonObject c = connections[id].toObject();
            QCOMPARE(c["retransmissions"].toInt(), wireshark[id].retransmissions);
            QCOMPARE(c["dup_acks"].toInt(), wireshark[id].dupAcks);
            QCOMPARE(c["zero_windows"].toInt(), wireshark[id].zeroWindows);
        }
    }

    // Beside the exchange: two ICMPv6 neighbour solicitations, an ARP request
    // and a DNS query, which Wireshark shows as ICMPv6, ARP and DNS over UDP.
    void framesWithoutATcpRowAreCountedByKind() {
        std::vector<Frame> frames;
        const Bytes neighbourSolicitation(24, 0x87);
        const Bytes arpRequest = {0,   1, 8, 0,  6, 4, 0, 1, 2, 0, 0,   0, 0, 1,
                                  192, 0, 2, 10, 0, 0, 0, 0, 0, 0, 192, 0, 2, 1};
        constexpr std::int64_t kStart = 1'600'000'000'000'000'000;
        frames.push_back({kStart - 3, ethernet(0x86DD, ipv6("fe80::1", "ff02::1:ff00:2", 58,
                                                            neighbourSolicitation))});
        frames.push_back({kStart - 2, ethernet(0x0806, arpRequest)});
        frames.push_back({kStart - 1, ethernet(0x0800, ipv4("192.0.2.10", "192.0.2.53", kProtoUdp,
                                                            udp(53000, 53, Bytes(30, 1))))});
        frames.push_back({kStart - 0, ethernet(0x86DD, ipv6("fe80::2", "ff02::1:ff00:1", 58,
                                                            neighbourSolicitation))});
        frames.push_back(frame(0, true, {.seq = 1000, .flags = 0x02}));
        frames.push_back(frame(12, false, {.seq = 9000, .ack = 1001, .flags = 0x12}));
        TemporaryFile file(buildPcap(frames));
        const Run run =
            runCli({"connections", QString::fromStdString(file.path()), "--format", "json"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("2 TCP of 6 packets, 4 not TCP: ICMPv6 2, ARP 1, UDP 1"),
                 qPrintable(run.err));
        const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(document["packets"].toInt(), 6);
        QCOMPARE(document["tcp_packets"].toInt(), 2);
        const QJsonObject notTcp = document["not_tcp"].toObject();
        QCOMPARE(notTcp.size(), 3);
        QCOMPARE(notTcp["ICMPv6"].toInt(), 2);
        QCOMPARE(notTcp["ARP"].toInt(), 1);
        QCOMPARE(notTcp["UDP"].toInt(), 1);
        // The TSV on stdout stays the oracle's contract: the same two lines.
        const Run tsv =
            runCli({"connections", QString::fromStdString(file.path()), "--format", "tsv"});
        QCOMPARE(tsv.out.split('\n', Qt::SkipEmptyParts).size(), 2);
    }

    void aLostReportIsAnError_data() {
        QTest::addColumn<QString>("redirection");
        QTest::newRow("full disk") << "> /dev/full";
        QTest::newRow("closed standard output") << ">&-";
    }

    void aLostReportIsAnError() {
        QFETCH(QString, redirection);
        TemporaryFile file(exchange());
        for (const QString& arguments :
             {QStringLiteral("connections '%1' --format tsv"), QStringLiteral("packets '%1'"),
              QStringLiteral("--help")}) {
            const Run run =
                runShell(QStringLiteral("'%1' %2 %3")
                             .arg(QStringLiteral(TCPLADDER_CLI),
                                  arguments.arg(QString::fromStdString(file.path())), redirection));
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains("cannot write standard output"), qPrintable(run.err));
        }
    }

    void doubleDashEndsTheOptions() {
        TemporaryFile file(exchange());
        const QFileInfo info(QString::fromStdString(file.path()));
        const QString dashed = info.dir().filePath(
            QStringLiteral("-capture-%1.pcap").arg(QCoreApplication::applicationPid()));
        QVERIFY(QFile::copy(info.filePath(), dashed));
        QProcess process;
        process.setWorkingDirectory(info.dir().path());
        process.start(QStringLiteral(TCPLADDER_CLI),
                      {"connections", "--format", "tsv", "--", QFileInfo(dashed).fileName()});
        QVERIFY(process.waitForFinished(30000));
        QFile::remove(dashed);
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()).count('\n'), 2);
        const Run withoutDashes = runCli({"connections", "-capture.pcap"});
        QCOMPARE(withoutDashes.exitCode, 2);
    }

    void unknownConnectionIsAUsageError() {
        TemporaryFile file(exchange());
        const Run run =
            runCli({"packets", QString::fromStdString(file.path()), "--connection", "7"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no connection 7"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
