#include "ladder/ladder_exporter.h"
#include "ladder_svg_reader.h"
#include "ladder_test_support.h"
#include "load/capture_loader.h"
#include "support/corpus_captures.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

constexpr std::int64_t kUs = 1000;

// Exports packets [first, last) as SVG and reads it back: empty when every
// packet in the range is named once, in frame order on each side, with no
// two labels overlapping, and the title counts what is drawn.
QString svgProblems(const std::shared_ptr<const LadderData>& data, const QString& path,
                    TimeAxis axis, std::size_t first = 0,
                    std::size_t last = static_cast<std::size_t>(-1)) {
    last = std::min(last, data->packetCount());
    LadderExportRequest request;
    request.path = path;
    request.format = LadderFormat::Svg;
    request.firstPacket = first;
    request.lastPacket = last;
    request.options.axis = axis;
    const LadderExportResult result = exportLadder(data, request);
    if (!result.ok)
        return result.error;
    const LadderSvg svg = readLadderSvg(path, *data);
    if (!svg.error.isEmpty())
        return svg.error;
    if (svg.titleCount != last - first)
        return QStringLiteral("the title counts %1 packets of %2")
            .arg(svg.titleCount.value_or(0))
            .arg(last - first);
    // SVG keeps six significant digits: boxes that touch at y = 10,000 may
    // read back overlapping by a few hundredths of a pixel.
    return labelProblems(*data, packetRange(first, last), svg.labels, true, 0.5);
}

std::shared_ptr<const LadderData> build(const Conversation& c) {
    return buildLadderData(loadFrames(c.frames()), 0);
}

} // namespace

class TestLadderSvgLabels : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    // Every connection of the corpus, whole, in true time and one row per packet.
    void everyCorpusConnection() {
        QStringList captures = test::corpusCaptures();
        QVERIFY2(captures.size() > 100, "the corpus is expected in ../shared/corpus");
        int checked = 0;
        const QString path = m_dir.filePath("corpus.svg");
        for (const QString& capture : captures) {
            auto loaded = loadCapture(capture.toStdString());
            if (!loaded)
                continue;
            const std::shared_ptr<const LoadedCapture> shared = std::move(loaded.value());
            for (std::uint32_t id = 0; id < shared->connections.size(); ++id) {
                const auto data = buildLadderData(shared, id);
                if (data->packetCount() == 0)
                    continue;
                for (const TimeAxis axis : {TimeAxis::TrueTime, TimeAxis::PerPacket}) {
                    const QString problems = svgProblems(data, path, axis);
                    QVERIFY2(problems.isEmpty(),
                             qPrintable(QStringLiteral("%1 connection %2%3: %4")
                                            .arg(capture)
                                            .arg(id)
                                            .arg(axis == TimeAxis::PerPacket ? " per packet" : "")
                                            .arg(problems)));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 800);
    }

    void constructed_data() {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("axis");
        for (const auto& [name, scenario] :
             {std::pair{"clock steps back 2 s", 0}, std::pair{"equal timestamps", 1},
              std::pair{"500 segments in 1 ms", 2}, std::pair{"one RST among 1,000 ACKs", 3}}) {
            QTest::addRow("%s, true time", name) << scenario << int(TimeAxis::TrueTime);
            QTest::addRow("%s, per packet", name) << scenario << int(TimeAxis::PerPacket);
        }
    }
    void constructed() {
        QFETCH(int, scenario);
        QFETCH(int, axis);
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(20 * kLadderMs, 20 * kLadderMs);
        switch (scenario) {
        case 0: // frames 4-8 stamped 2 s before frame 3
            c.clientSends(kLadderMs, 300)
                .serverSends(-2000 * kLadderMs, 1200)
                .clientSends(kLadderMs, 0)
                .serverSends(kLadderMs, 1200)
                .clientSends(kLadderMs, 0);
            break;
        case 1:
            c.clientSends(kLadderMs, 300);
            for (int i = 0; i < 20; ++i)
                c.serverSends(0, 1448).clientSends(0, 0);
            break;
        case 2:
            c.clientSends(kLadderMs, 300);
            for (int i = 0; i < 500; ++i)
                c.serverSends(2 * kUs, 1448);
            c.clientSends(kLadderMs, 0);
            break;
        case 3:
            // Each ACK acknowledges new data, so none is a duplicate.
            for (int i = 0; i < 1000; ++i) {
                c.serverSends(20 * kUs, 100).clientSends(30 * kUs, 0);
                if (i == 600)
                    c.serverRst(10 * kUs);
            }
            break;
        default:
            QFAIL("unknown scenario");
        }
        const auto data = build(c);
        const QString problems =
            svgProblems(data, m_dir.filePath("case.svg"), static_cast<TimeAxis>(axis));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        // For looking at them: TCPLADDER_LADDER_PICTURES=DIR writes each as PNG.
        if (const QString pictures = qEnvironmentVariable("TCPLADDER_LADDER_PICTURES");
            !pictures.isEmpty()) {
            LadderExportRequest request;
            request.path = QStringLiteral("%1/%2.png").arg(pictures, QTest::currentDataTag());
            request.lastPacket = data->packetCount();
            request.options.axis = static_cast<TimeAxis>(axis);
            QVERIFY(exportLadder(data, request).ok);
        }
        if (scenario == 3) {
            // The reset is frame 1206: 3 handshake frames and 601 segments
            // and ACKs before it.
            const LadderSvg svg = readLadderSvg(m_dir.filePath("case.svg"), *data);
            QVERIFY(std::ranges::any_of(svg.labels, [](const SeenLabel& l) {
                return l.firstFrame == 1206 && l.lastFrame == 1206;
            }));
            if (axis == int(TimeAxis::TrueTime))
                QVERIFY2(svg.labels.size() < 400, "2,000 packets in 50 ms are bundled");
        }
    }

    // A range of a long connection: the title and the labels agree on it.
    void packetRange() {
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(20 * kLadderMs, 20 * kLadderMs);
        for (int i = 0; i < 300; ++i)
            c.serverSends(30 * kUs, 1448).clientSends(5 * kUs, 0);
        const auto data = build(c);
        const QString problems =
            svgProblems(data, m_dir.filePath("range.svg"), TimeAxis::TrueTime, 100, 161);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // 3,520 packets: as PNG no taller than ImageMagick accepts (16k px), in
    // either axis, and every packet still named (bundles, not dropped labels).
    void longConnectionFits_data() {
        QTest::addColumn<int>("axis");
        QTest::addColumn<double>("ratio");
        QTest::newRow("true time") << int(TimeAxis::TrueTime) << 1.0;
        QTest::newRow("per packet") << int(TimeAxis::PerPacket) << 1.0;
        QTest::newRow("per packet, 2x") << int(TimeAxis::PerPacket) << 2.0;
    }
    void longConnectionFits() {
        QFETCH(int, axis);
        QFETCH(double, ratio);
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(20 * kLadderMs, 20 * kLadderMs);
        for (int i = 0; i < 1758; ++i)
            c.serverSends(400 * kUs, 1448).clientSends(100 * kUs, 0);
        const auto data = build(c);
        QCOMPARE(data->packetCount(), std::size_t{3519});
        LadderExportRequest request;
        request.path = m_dir.filePath("long.png");
        request.lastPacket = data->packetCount();
        request.pixelRatio = ratio;
        request.options.axis = static_cast<TimeAxis>(axis);
        const auto result = exportLadder(data, request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.pixelSize.height() <= 16000);
        QVERIFY(result.pixelSize.height() > 4000);
        const QString problems =
            svgProblems(data, m_dir.filePath("long.svg"), static_cast<TimeAxis>(axis));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLadderSvgLabels)
#include "test_ladder_svg_labels.moc"
