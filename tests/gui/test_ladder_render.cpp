#include "ladder/ladder_exporter.h"
#include "ladder/ladder_header.h"
#include "ladder/ladder_painter.h"
#include "ladder/ladder_style.h"
#include "ladder_test_support.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

bool near(QColor a, QColor b, int tolerance = 40) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue()) <=
           tolerance;
}

// QSvgGenerator writes a filled triangle as a closed path of three lines.
const QRegularExpression kArrowhead(QStringLiteral(R"(<path[^>]* d="M[^"LC]*( L[^"LC]*){3}")"));

LadderOptions options() {
    LadderOptions o;
    applyLabelMetrics(o);
    return o;
}

} // namespace

class TestLadderRender : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void lanesAndResetColourInImage() {
        const auto data = handshakeAndReset(20 * kLadderMs, 20 * kLadderMs);
        const LadderLayout layout(data, options());
        const double top = 0;
        const double bottom = layout.contentHeight();
        const QImage image = renderLadderImage(layout, nullptr, top, bottom, 1);
        const double body = ladderHeaderHeight();
        QCOMPARE(image.width(), qCeil(layout.columns().width));
        // The lanes run the whole height.
        for (double y : {body + 5, body + bottom / 2, body + bottom - 5}) {
            QVERIFY(near(image.pixelColor(qRound(layout.columns().clientX), qRound(y)),
                         ladder_palette::kLane));
            QVERIFY(near(image.pixelColor(qRound(layout.columns().serverX), qRound(y)),
                         ladder_palette::kLane));
        }
        // The last packet is the client's reset: loud red, away from its label.
        const LadderArrow reset = layout.arrow(data->packetCount() - 1);
        QVERIFY(reset.fromClient);
        const double x = reset.start.x() + 0.1 * (reset.end.x() - reset.start.x());
        const QPointF point = reset.pointAtX(x);
        QVERIFY(near(image.pixelColor(qRound(point.x()), qRound(point.y() + body)),
                     arrowStyle(ArrowKind::Rst).color, 60));
    }

    void svgHasOneArrowPerPacketAndTextLabels() {
        const auto data = handshakeAndReset(20 * kLadderMs, 20 * kLadderMs);
        LadderExportRequest request;
        request.path = m_dir.filePath("ladder.svg");
        request.format = LadderFormat::Svg;
        request.lastPacket = data->packetCount();
        const auto result = exportLadder(data, request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QFile file(request.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        // Arrowheads: one per packet plus one per arrow kind in the legend.
        const auto heads = svg.count(kArrowhead);
        QCOMPARE(heads, static_cast<qsizetype>(data->packetCount() + legendArrowKinds().size()));
        for (const char* text : {"10.0.0.5:40000", "10.0.0.9:443", "Seq=", "Win=", "#1",
                                 "Handshake RTT", "Reset by the client", "Connection 0"})
            QVERIFY2(svg.contains(QRegularExpression(QStringLiteral("<text[^>]*>[^<]*") +
                                                     QRegularExpression::escape(text))),
                     text);
    }

    void pdfIsPaginatedWhenLong() {
        Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
        c.handshake(10 * kLadderMs, 10 * kLadderMs);
        for (int i = 0; i < 200; ++i)
            c.serverSends(kLadderMs, 1448).clientSends(kLadderMs, 0);
        const auto data = buildLadderData(loadFrames(c.frames()), 0);
        LadderExportRequest request;
        request.path = m_dir.filePath("ladder.pdf");
        request.format = LadderFormat::Pdf;
        request.lastPacket = data->packetCount();
        request.options.axis = TimeAxis::PerPacket;
        const auto result = exportLadder(data, request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.pages > 3);
        QFile file(request.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        const auto pages = QString::fromLatin1(pdf).count(QRegularExpression("/Type\\s*/Page\\b"));
        QCOMPARE(pages, static_cast<qsizetype>(result.pages));
    }

    void pngAtTwiceThePixels() {
        const auto data = handshakeAndReset(20 * kLadderMs, 20 * kLadderMs);
        LadderExportRequest request;
        request.lastPacket = data->packetCount();
        request.path = m_dir.filePath("one.png");
        const auto one = exportLadder(data, request);
        request.path = m_dir.filePath("two.png");
        request.pixelRatio = 2;
        const auto two = exportLadder(data, request);
        QVERIFY(one.ok && two.ok);
        QCOMPARE(two.pixelSize, one.pixelSize * 2);
        QCOMPARE(QImage(request.path).size(), two.pixelSize);
    }

    void packetRangeDrawsOnlyThosePackets() {
        const auto data = handshakeAndReset(20 * kLadderMs, 20 * kLadderMs);
        LadderExportRequest request;
        request.path = m_dir.filePath("range.svg");
        request.format = LadderFormat::Svg;
        request.firstPacket = 3;
        request.lastPacket = 5;
        QVERIFY(exportLadder(data, request).ok);
        QFile file(request.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        QCOMPARE(svg.count(kArrowhead), static_cast<qsizetype>(2 + legendArrowKinds().size()));
        QVERIFY(svg.contains("frames 4–5"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLadderRender)
#include "test_ladder_render.moc"
