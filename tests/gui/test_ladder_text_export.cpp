#include "ladder/ladder_exporter.h"
#include "ladder/ladder_text_export.h"
#include "ladder_label_checks.h"
#include "ladder_test_support.h"
#include "load/capture_loader.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

std::shared_ptr<const LadderData> sampleConnection(std::uint32_t id) {
    auto loaded = loadCapture(TCPLADDER_SOURCE_DIR "/resources/samples/sample.pcap");
    return loaded ? buildLadderData(std::move(loaded.value()), id) : nullptr;
}

LadderLayout layoutFor(const std::shared_ptr<const LadderData>& data, TimeAxis axis) {
    LadderExportRequest request;
    request.format = LadderFormat::Svg;
    request.lastPacket = data->packetCount();
    request.options.axis = axis;
    return ladderExportLayout(data, request);
}

// The frames each line of a diagram names, in line order, with its side.
std::vector<SeenLabel> diagramLabels(const QString& text, LadderTextFormat format) {
    static const QRegularExpression frames(QStringLiteral("#(\\d+)(?:–#(\\d+))?"));
    std::vector<SeenLabel> labels;
    const QStringList lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        line.replace(QStringLiteral("#35;"), QStringLiteral("#")).remove('~');
        const bool fromClient = format == LadderTextFormat::Mermaid
                                    ? line.trimmed().startsWith(QStringLiteral("C-"))
                                    : line.startsWith(QStringLiteral("C -"));
        const bool message = fromClient || line.trimmed().startsWith(QStringLiteral("S-")) ||
                             line.startsWith(QStringLiteral("S -"));
        // The message, after the arrow (PlantUML's arrow may carry a "#colour").
        const auto match = frames.match(line.mid(line.indexOf(QStringLiteral(": "))));
        if (!message || !match.hasMatch())
            continue;
        SeenLabel label;
        label.fromClient = fromClient;
        label.firstFrame = match.captured(1).toULongLong();
        label.lastFrame =
            match.captured(2).isEmpty() ? label.firstFrame : match.captured(2).toULongLong();
        label.box = QRectF(0, static_cast<double>(i) * 10, 1, 1);
        labels.push_back(label);
    }
    return labels;
}

} // namespace

class TestLadderTextExport : public QObject {
    Q_OBJECT

private slots:
    // One row per packet leaves room for every label: the text ladder is the
    // command line's, line for line.
    void textIsTheCommandLineLadder() {
        const auto data = sampleConnection(2);
        QVERIFY(data && data->packetCount() > 50);
        const QString text = ladderText(layoutFor(data, TimeAxis::PerPacket), 0,
                                        data->packetCount(), LadderTextFormat::Text);
        QProcess cli;
        cli.start(TCPLADDER_CLI,
                  {QStringLiteral("packets"),
                   QStringLiteral(TCPLADDER_SOURCE_DIR "/resources/samples/sample.pcap"),
                   QStringLiteral("--connection"), QStringLiteral("2"), QStringLiteral("--format"),
                   QStringLiteral("ladder")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(text, QString::fromUtf8(cli.readAllStandardOutput()));
        QVERIFY(text.contains(QStringLiteral("retransmission")));
    }

    void diagramsNameEveryPacketOnce_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("axis");
        QTest::newRow("Mermaid, true time") << int(LadderTextFormat::Mermaid) << 0;
        QTest::newRow("PlantUML, true time") << int(LadderTextFormat::PlantUml) << 0;
        QTest::newRow("Mermaid, per packet") << int(LadderTextFormat::Mermaid) << 1;
    }
    void diagramsNameEveryPacketOnce() {
        QFETCH(int, format);
        QFETCH(int, axis);
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(20 * kLadderMs, 20 * kLadderMs).clientSends(kLadderMs, 300);
        for (int i = 0; i < 300; ++i)
            c.serverSends(20'000, 1448).clientSends(5'000, 0);
        c.serverRetransmits(kLadderMs).clientFin(kLadderMs).serverFin(kLadderMs);
        const auto data = buildLadderData(loadFrames(c.frames()), 0);
        const auto textFormat = static_cast<LadderTextFormat>(format);
        const QString text = ladderText(layoutFor(data, static_cast<TimeAxis>(axis)), 0,
                                        data->packetCount(), textFormat);
        const auto labels = diagramLabels(text, textFormat);
        const QString problems = labelProblems(*data, packetRange(0, data->packetCount()), labels);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        // Dense in true time: bundles, one line each.
        QCOMPARE(labels.size() < data->packetCount(), axis == 0);
    }

    void formatFromSuffix() {
        QCOMPARE(ladderTextFormatForPath("a.TXT"), std::optional(LadderTextFormat::Text));
        QCOMPARE(ladderTextFormatForPath("a.mmd"), std::optional(LadderTextFormat::Mermaid));
        QCOMPARE(ladderTextFormatForPath("a.puml"), std::optional(LadderTextFormat::PlantUml));
        QVERIFY(!ladderTextFormatForPath("a.png"));
    }
};

QTEST_MAIN(TestLadderTextExport)
#include "test_ladder_text_export.moc"
