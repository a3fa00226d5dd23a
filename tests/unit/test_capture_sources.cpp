#include "load/capture_loader.h"
#include "load/packet_details.h"
#include "support/capture_writer.h"
#include "support/compressors.h"
#include "support/conversation_builder.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace tcpladder;
using namespace tcpladder::test;

namespace {

using Image = std::vector<std::uint8_t>;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

// `input`, when given, is written to the CLI's standard input, a pipe.
Run runCli(const QStringList& arguments, const QByteArray* input = nullptr) {
    QProcess process;
    process.start(QStringLiteral(TCPLADDER_CLI), arguments);
    if (!process.waitForStarted(30000))
        qFatal("tcpladder-cli did not start");
    if (input)
        process.write(*input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qFatal("tcpladder-cli did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

QByteArray toQt(const Image& image) {
    return QByteArray(reinterpret_cast<const char*>(image.data()),
                      static_cast<qsizetype>(image.size()));
}

// Three connections, one with data in both directions and a retransmission.
std::vector<Frame> frames() {
    const std::int64_t start = 1'650'000'000'000'000'000;
    Conversation a("10.0.0.5", 40001, "10.0.0.9", 443, start);
    a.handshake(20'000'000, 100'000)
        .clientSends(1'000'000, 300)
        .serverSends(5'000'000, 4000)
        .serverRetransmits(200'000'000)
        .clientFin(1'000'000)
        .serverFin(100'000);
    Conversation b("2001:db8::1", 50000, "2001:db8::2", 80, start + 3'000'000);
    b.handshake(1'000'000, 100'000).clientSends(1'000'000, 100).clientRst(1'000'000);
    Conversation c("10.0.0.6", 40002, "10.0.0.9", 22, start + 9'000'000);
    c.synOnly();
    return mergeByTime({a.frames(), b.frames(), c.frames()});
}

} // namespace

class TestCaptureSources : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        const Image pcap = buildPcap(frames());
        m_pcap = std::make_unique<TemporaryFile>(pcap);
        for (const char* command : {"connections", "packets"}) {
            const Run plain =
                runCli({command, QString::fromStdString(m_pcap->path()), "--format", "tsv"});
            QCOMPARE(plain.exitCode, 0);
            QVERIFY(plain.out.count('\n') > 3);
            m_expected[command] = plain.out;
        }
    }

    void compressedFilesReadAsThePlainOne_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("suffix");
        const Image pcap = buildPcap(frames());
        const Image pcapng = buildPcapng(frames());
        QTest::newRow("pcap.gz") << toQt(gzipBytes(pcap)) << ".pcap.gz";
        QTest::newRow("pcap.gz, one member per 500 bytes")
            << toQt(gzipBytes(pcap, 500)) << ".pcap.gz";
        QTest::newRow("pcapng.gz") << toQt(gzipBytes(pcapng)) << ".pcapng.gz";
        QTest::newRow("pcap.zst") << toQt(zstdBytes(pcap)) << ".pcap.zst";
        QTest::newRow("pcapng.zst, one frame per 700 bytes")
            << toQt(zstdBytes(pcapng, 700)) << ".pcapng.zst";
        QTest::newRow("pcap.lz4") << toQt(lz4Bytes(pcap)) << ".pcap.lz4";
        QTest::newRow("pcapng.lz4") << toQt(lz4Bytes(pcapng)) << ".pcapng.lz4";
        // The magic decides, not the name.
        QTest::newRow("gzip named .pcap") << toQt(gzipBytes(pcap)) << ".pcap";
        QTest::newRow("plain pcapng named .gz") << toQt(pcapng) << ".gz";
    }

    void compressedFilesReadAsThePlainOne() {
        QFETCH(QByteArray, image);
        QFETCH(QString, suffix);
        TemporaryFile file(Image(image.begin(), image.end()), suffix.toStdString());
        for (const char* command : {"connections", "packets"}) {
            const Run run =
                runCli({command, QString::fromStdString(file.path()), "--format", "tsv"});
            QCOMPARE(run.err, QString());
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(run.out, m_expected[command]);
        }
    }

    void pipesReadAsThePlainFile_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("path");
        const Image pcap = buildPcap(frames());
        QTest::newRow("cat x.pcap | tcpladder-cli connections -") << toQt(pcap) << "-";
        QTest::newRow("/dev/stdin") << toQt(pcap) << "/dev/stdin";
        QTest::newRow("pcapng on standard input") << toQt(buildPcapng(frames())) << "-";
        QTest::newRow("pcap.gz on standard input") << toQt(gzipBytes(pcap)) << "-";
        QTest::newRow("pcap.zst on standard input") << toQt(zstdBytes(pcap)) << "-";
        QTest::newRow("pcap.lz4 on /dev/stdin") << toQt(lz4Bytes(pcap)) << "/dev/stdin";
    }

    void pipesReadAsThePlainFile() {
        QFETCH(QByteArray, image);
        QFETCH(QString, path);
        for (const char* command : {"connections", "packets"}) {
            const Run run = runCli({command, path, "--format", "tsv"}, &image);
            QCOMPARE(run.err, QString());
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(run.out, m_expected[command]);
        }
    }

    void processSubstitution() {
        const QString script =
            QStringLiteral("'%1' connections <(cat '%2') --format tsv")
                .arg(QStringLiteral(TCPLADDER_CLI), QString::fromStdString(m_pcap->path()));
        QProcess bash;
        bash.start(QStringLiteral("bash"), {"-c", script});
        QVERIFY(bash.waitForFinished(60000));
        QCOMPARE(bash.exitCode(), 0);
        QCOMPARE(bash.readAllStandardOutput(), m_expected["connections"]);
    }

    void fifo() {
        QTemporaryDir dir;
        const QByteArray fifoPath = dir.filePath(QStringLiteral("capture.fifo")).toLocal8Bit();
        QCOMPARE(::mkfifo(fifoPath.constData(), 0600), 0);
        const Image pcap = buildPcap(frames());
        // The writer blocks in open() until the CLI opens the FIFO for reading.
        std::thread writer([&] {
            const int fd = ::open(fifoPath.constData(), O_WRONLY);
            if (fd < 0)
                return;
            for (std::size_t done = 0; done < pcap.size();) {
                const ssize_t wrote = ::write(fd, pcap.data() + done, pcap.size() - done);
                if (wrote <= 0)
                    break;
                done += static_cast<std::size_t>(wrote);
            }
            ::close(fd);
        });
        const Run run =
            runCli({"connections", QString::fromLocal8Bit(fifoPath), "--format", "tsv"});
        writer.join();
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, m_expected["connections"]);
    }

    void pipeCapturesSayTheyCannotBeReadAgain() {
        QTemporaryDir dir;
        const QByteArray fifoPath = dir.filePath(QStringLiteral("capture.fifo")).toLocal8Bit();
        QCOMPARE(::mkfifo(fifoPath.constData(), 0600), 0);
        const Image pcap = buildPcap(frames());
        std::thread writer([&] {
            const int fd = ::open(fifoPath.constData(), O_WRONLY);
            if (fd >= 0 && ::write(fd, pcap.data(), pcap.size()) >= 0)
                ::close(fd);
        });
        const auto loaded = loadCapture(fifoPath.toStdString());
        writer.join();
        QVERIFY(loaded);
        QCOMPARE(loaded.value()->connections.size(), std::size_t{3});
        QVERIFY(!loaded.value()->files.front().rereader);
        const auto details = readPacketDetails(*loaded.value(), 0, 0);
        QVERIFY(!details);
        QCOMPARE(
            QString::fromStdString(details.error()),
            QStringLiteral("read from a pipe: packet details and SACK blocks are not available"));

        const auto file = loadCapture(m_pcap->path());
        QVERIFY(file);
        QVERIFY(file.value()->files.front().rereader);
        QVERIFY(readPacketDetails(*file.value(), 0, 0));
    }

    void damagedCompressedFiles_data() {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const Image gz = gzipBytes(buildPcap(frames()));
        const Image cut(gz.begin(), gz.begin() + static_cast<std::ptrdiff_t>(gz.size() * 2 / 3));
        QTest::newRow("gzip cut short") << toQt(cut) << 0 << "gzip data is cut short";
        Image corrupt = gz;
        for (std::size_t i = 20; i < 60; ++i)
            corrupt[i] ^= 0x5a;
        QTest::newRow("gzip damaged") << toQt(corrupt) << 1 << "gzip data is damaged";
        QTest::newRow("empty gzip") << toQt(gzipBytes({})) << 1 << "empty file";
    }

    void damagedCompressedFiles() {
        QFETCH(QByteArray, image);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        TemporaryFile file(Image(image.begin(), image.end()), ".pcap.gz");
        const Run run = runCli({"connections", QString::fromStdString(file.path())});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

private:
    std::unique_ptr<TemporaryFile> m_pcap;
    QMap<QString, QByteArray> m_expected;
};

QTEST_APPLESS_MAIN(TestCaptureSources)
#include "test_capture_sources.moc"
