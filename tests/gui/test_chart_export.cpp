#include "chart/headless_chart_export.h"
#include "test_chart_capture.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test::chart;

namespace {

int reddish(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += c.red() > 180 && c.green() < 90 && c.blue() < 90;
        }
    return count;
}

} // namespace

class TestChartExport : public QObject {
    Q_OBJECT

private slots:
    void pngShowsTheRetransmission();
    void everyKindAndSvg_data();
    void everyKindAndSvg();
    void usageAndLoadErrors();

private:
    LossyCapture m_lossy;
    QTemporaryDir m_dir;
};

void TestChartExport::pngShowsTheRetransmission() {
    const QString out = m_dir.filePath(QStringLiteral("seq.png"));
    const QStringList args = {
        QStringLiteral("tcpladder"),      QString::fromStdString(m_lossy.file.path()),
        QStringLiteral("--connection"),   QStringLiteral("0"),
        QStringLiteral("--export-chart"), out};
    QCOMPARE(runChartExport(args), 0);
    QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1200, 720));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 20); // axes, labels, bars and lines, not a blank page
    QVERIFY(reddish(image) > 20); // the retransmission bar

    QCOMPARE(runChartExport(args + QStringList{QStringLiteral("--scale"), QStringLiteral("2")}), 0);
    QCOMPARE(QImage(out).size(), QSize(2400, 1440));
}

void TestChartExport::everyKindAndSvg_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    QTest::newRow("sequence as SVG") << "seq"
                                     << "seq.svg";
    QTest::newRow("throughput") << "throughput"
                                << "throughput.png";
    QTest::newRow("rtt") << "rtt"
                         << "rtt.png";
    QTest::newRow("window") << "window"
                            << "window.png";
}

void TestChartExport::everyKindAndSvg() {
    QFETCH(QString, kind);
    QFETCH(QString, file);
    const QString out = m_dir.filePath(file);
    QCOMPARE(
        runChartExport({QStringLiteral("tcpladder"), QString::fromStdString(m_lossy.file.path()),
                        QStringLiteral("--connection"), QStringLiteral("0"),
                        QStringLiteral("--export-chart"), out, QStringLiteral("--chart"), kind}),
        0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    if (file.endsWith(QStringLiteral(".svg"))) {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("</svg>"));
        QVERIFY(bytes.size() > 10'000);
    } else {
        QVERIFY(!QImage::fromData(bytes).isNull());
    }
}

void TestChartExport::usageAndLoadErrors() {
    const QString capture = QString::fromStdString(m_lossy.file.path());
    const QString out = m_dir.filePath(QStringLiteral("x.png"));
    QCOMPARE(runChartExport(
                 {QStringLiteral("tcpladder"), capture, QStringLiteral("--export-chart"), out}),
             2); // no --connection
    QCOMPARE(runChartExport({QStringLiteral("tcpladder"), capture, QStringLiteral("--connection"),
                             QStringLiteral("0"), QStringLiteral("--export-chart"), out,
                             QStringLiteral("--chart"), QStringLiteral("pie")}),
             2);
    QCOMPARE(runChartExport({QStringLiteral("tcpladder"), capture, QStringLiteral("--connection"),
                             QStringLiteral("7"), QStringLiteral("--export-chart"), out}),
             1);
    QCOMPARE(
        runChartExport({QStringLiteral("tcpladder"), m_dir.filePath(QStringLiteral("none.pcap")),
                        QStringLiteral("--connection"), QStringLiteral("0"),
                        QStringLiteral("--export-chart"), out}),
        1);
}

QTEST_MAIN(TestChartExport)
#include "test_chart_export.moc"
