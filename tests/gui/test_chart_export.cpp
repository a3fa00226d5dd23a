#include "chart/headless_chart_export.h"
#include "test_chart_capture.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test::chart;

Q_DECLARE_METATYPE(tcpladder::ui::ChartKind)

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
    void writeErrorsAndUnknownSuffixesFail_data();
    void writeErrorsAndUnknownSuffixesFail();

private:
    LossyCapture m_lossy;
    QTemporaryDir m_dir;
};

namespace {

ChartExportSettings settings(const QString& out, ChartKind kind = ChartKind::Sequence) {
    ChartExportSettings chart;
    chart.output = out;
    chart.kind = kind;
    return chart;
}

} // namespace

void TestChartExport::pngShowsTheRetransmission() {
    const QString out = m_dir.filePath(QStringLiteral("seq.png"));
    QCOMPARE(writeChartExport(m_lossy.capture, 0, settings(out)), QString());
    QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1200, 720));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 20); // axes, labels, bars and lines, not a blank page
    QVERIFY(reddish(image) > 20); // the retransmission bar

    ChartExportSettings twice = settings(out);
    twice.scale = 2;
    QCOMPARE(writeChartExport(m_lossy.capture, 0, twice), QString());
    QCOMPARE(QImage(out).size(), QSize(2400, 1440));
}

void TestChartExport::everyKindAndSvg_data() {
    QTest::addColumn<ChartKind>("kind");
    QTest::addColumn<QString>("file");
    QTest::newRow("sequence as SVG") << ChartKind::Sequence << "seq.svg";
    QTest::newRow("throughput") << ChartKind::Throughput << "throughput.png";
    QTest::newRow("rtt") << ChartKind::Rtt << "rtt.png";
    QTest::newRow("window") << ChartKind::Window << "window.png";
}

void TestChartExport::everyKindAndSvg() {
    QFETCH(ChartKind, kind);
    QFETCH(QString, file);
    const QString out = m_dir.filePath(file);
    QCOMPARE(writeChartExport(m_lossy.capture, 0, settings(out, kind)), QString());
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

// Issue 12, defects 4 and 6: a full disk and a name that is neither .png
// nor .svg are errors, never a quiet success.
void TestChartExport::writeErrorsAndUnknownSuffixesFail_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("SVG on a full disk") << "full.svg"
                                        << "No space left on device";
    QTest::newRow("PNG on a full disk") << "full.png"
                                        << "No space left on device";
    QTest::newRow(".pdf") << "chart.pdf"
                          << ".png or .svg";
    QTest::newRow(".bmp") << "chart.bmp"
                          << ".png or .svg";
    QTest::newRow("no suffix") << "chart"
                               << ".png or .svg";
}

void TestChartExport::writeErrorsAndUnknownSuffixesFail() {
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const QString out = m_dir.filePath(file);
    if (file.startsWith(QStringLiteral("full")))
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), out));
    const QString error = writeChartExport(m_lossy.capture, 0, settings(out));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(error.contains(out));
    if (!file.startsWith(QStringLiteral("full")))
        QVERIFY(!QFile::exists(out));
}

QTEST_MAIN(TestChartExport)
#include "test_chart_export.moc"
