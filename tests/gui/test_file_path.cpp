#include "format/file_path.h"
#include "format/output_file.h"

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

using namespace tcpladder::ui;

class TestFilePath : public QObject {
    Q_OBJECT

private slots:
    void bytesSurviveTheRoundTrip_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("isUtf8");
        QTest::newRow("ASCII") << QByteArray("/tmp/capture.pcap") << true;
        QTest::newRow("two, three and four byte UTF-8")
            << QByteArray("/tmp/caf\xc3\xa9-\xe2\x82\xac-\xf0\x9f\x93\xa6.pcap") << true;
        QTest::newRow("Latin-1 bytes") << QByteArray("/tmp/bad\xff\xfe.pcap") << false;
        QTest::newRow("a lead byte at the end") << QByteArray("/tmp/x\xe2\x82") << false;
        QTest::newRow("overlong slash") << QByteArray("/tmp/\xc0\xaf.pcap") << false;
        QTest::newRow("a surrogate written as UTF-8") << QByteArray("/tmp/\xed\xb3\xbf") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("/tmp/\xf4\x90\x80\x80") << false;
    }

    void bytesSurviveTheRoundTrip() {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, isUtf8);
        const QString path = pathFromBytes(bytes.toStdString());
        QCOMPARE(QByteArray::fromStdString(pathToBytes(path)), bytes);
        // Valid UTF-8 reads as the text it is, so it shows and compares as usual.
        if (isUtf8)
            QCOMPARE(path, QString::fromUtf8(bytes));
        else
            QVERIFY(path != QString::fromUtf8(bytes));
    }

    void anOutputFileIsWrittenUnderItsExactName() {
        QTemporaryDir dir;
        const std::string name = dir.path().toStdString() + "/o\xff.png";
        OutputFile file(pathFromBytes(name));
        QString error;
        QVERIFY2(file.open(&error), qPrintable(error));
        QCOMPARE(file.device()->write("png"), qint64{3});
        QVERIFY2(file.finish(&error), qPrintable(error));
        QCOMPARE(std::filesystem::file_size(name), std::uintmax_t{3});
        std::filesystem::remove(name);
    }

    void aFullDiskIsAnError() {
        OutputFile file(QStringLiteral("/dev/full"));
        QString error;
        QVERIFY(file.open(&error));
        file.device()->write(QByteArray(100, 'x'));
        QVERIFY(!file.finish(&error));
        QVERIFY2(error.contains(QStringLiteral("/dev/full")) &&
                     error.contains(QStringLiteral("No space left on device")),
                 qPrintable(error));
    }

    void aFolderThatDoesNotExistIsAnError() {
        OutputFile file(QStringLiteral("/nonexistent/folder/out.png"));
        QString error;
        QVERIFY(!file.open(&error));
        QCOMPARE(error, QStringLiteral("cannot write /nonexistent/folder/out.png: No such file or "
                                       "directory"));
    }
};

QTEST_GUILESS_MAIN(TestFilePath)
#include "test_file_path.moc"
