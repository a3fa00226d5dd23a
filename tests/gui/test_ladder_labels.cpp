#include "ladder/ladder_label_layout.h"
#include "ladder/ladder_label_text.h"
#include "ladder/ladder_painter.h"
#include "ladder_label_checks.h"
#include "ladder_test_support.h"

#include <QImage>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

// A bulk download 20 µs a segment with retransmissions and zero windows, so
// labels are dense and differ in width (badges, growing frame numbers).
std::shared_ptr<const LadderData> denseConnection() {
    Conversation c("10.0.0.5", 40000, "10.0.0.9", 443, kLadderStart);
    c.handshake(20 * kLadderMs, 20 * kLadderMs).clientSends(kLadderMs, 300);
    for (int i = 0; i < 1500; ++i) {
        c.serverSends(20'000, 1448);
        if (i % 2)
            c.clientSends(3'000, 0);
        if (i % 40 == 39)
            c.serverRetransmits(15'000);
        if (i % 97 == 96)
            c.clientZeroWindow(5'000);
    }
    return buildLadderData(loadFrames(c.frames()), 0);
}

// The painted width of a label, each piece shaped as the painter shapes it.
double paintedWidth(const LabelText& text, QPaintDevice* device) {
    using namespace label_geometry;
    QFont bold = ladder_palette::labelFont();
    bold.setBold(true);
    const QFontMetricsF regular(ladder_palette::labelFont(), device);
    const QFontMetricsF badge(ladder_palette::smallFont(), device);
    double width = 2 * kPadding + QFontMetricsF(bold, device).horizontalAdvance(text.frame) +
                   regular.horizontalAdvance(text.time) + regular.horizontalAdvance(text.fields);
    for (const Badge& b : text.badges)
        width += kBadgeGap + badge.horizontalAdvance(b.text) + kBadgeExtra;
    return width;
}

} // namespace

class TestLadderLabels : public QObject {
    Q_OBJECT

private slots:
    void placedLabelsNeverOverlap_data() {
        QTest::addColumn<double>("zoom"); // times the default
        QTest::addColumn<int>("axis");
        QTest::addColumn<double>("at"); // where the slice starts, as a share of the content
        QTest::newRow("default zoom, the start") << 1.0 << 0 << 0.0;
        QTest::newRow("default zoom, the middle") << 1.0 << 0 << 0.5;
        QTest::newRow("zoomed in 4x") << 4.0 << 0 << 0.3;
        QTest::newRow("zoomed out 10x") << 0.1 << 0 << 0.0;
        QTest::newRow("zoomed out 100x") << 0.01 << 0 << 0.0;
        QTest::newRow("one row per packet") << 1.0 << 1 << 0.4;
    }
    void placedLabelsNeverOverlap() {
        QFETCH(double, zoom);
        QFETCH(int, axis);
        QFETCH(double, at);
        const auto data = denseConnection();
        LadderOptions options;
        applyLabelMetrics(options);
        options.axis = static_cast<TimeAxis>(axis);
        options.viewHeight = 800;
        options.pixelsPerSecond = LadderLayout::defaultPixelsPerSecond(*data, options) * zoom;
        const LadderLayout layout(data, options);
        const double top = at * layout.contentHeight();
        const double bottom = std::min(layout.contentHeight(), top + 800);

        QImage image(qCeil(layout.columns().width), 800, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        painter.translate(0, -top);
        LadderPaintParams params;
        params.top = top;
        params.bottom = bottom;
        LadderPainter(layout).paint(painter, params);
        painter.end();

        // The labels the painter drew: same layout, same measuring.
        LabelTexts texts(*data, &image);
        const auto labels =
            layoutLabels(layout, 0, data->packetCount(), top, bottom, texts.widths());
        std::vector<SeenLabel> seenLabels;
        std::size_t bundles = 0;
        for (const LadderLabel& label : labels) {
            seenLabels.push_back(seen(*data, label));
            if (!label.single()) {
                ++bundles;
                continue;
            }
            const double painted = paintedWidth(texts.text(label.first), &image);
            QVERIFY2(painted <= label.rect.width(), qPrintable(QStringLiteral("#%1: %2 > %3")
                                                                   .arg(label.first)
                                                                   .arg(painted)
                                                                   .arg(label.rect.width())));
        }
        // Every packet whose arrow starts in the slice is named once.
        std::vector<std::size_t> starting;
        for (std::size_t i = 0; i < data->packetCount(); ++i) {
            const double y = layout.arrow(i).start.y();
            if (y >= top && y < bottom)
                starting.push_back(i);
        }
        QVERIFY(!starting.empty());
        const QString problems = labelProblems(*data, starting, seenLabels, false);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        // Over the whole content, exactly the connection's packets.
        const auto all =
            layoutLabels(layout, 0, data->packetCount(), 0, layout.contentHeight(), texts.widths());
        std::vector<SeenLabel> allSeen;
        for (const LadderLabel& label : all)
            allSeen.push_back(seen(*data, label));
        const QString whole = labelProblems(*data, packetRange(0, data->packetCount()), allSeen);
        QVERIFY2(whole.isEmpty(), qPrintable(whole));
        // Dense in time: bundles. One row per packet has room for a label each.
        QCOMPARE(bundles > 0, options.axis == TimeAxis::TrueTime);
    }

    void measureIsAnUpperBound() {
        const auto data = denseConnection();
        QImage image(10, 10, QImage::Format_ARGB32_Premultiplied);
        for (const double ratio : {1.0, 2.0}) {
            image.setDevicePixelRatio(ratio);
            const LabelMeasure measure(&image);
            for (std::size_t i = 0; i < data->packetCount(); i += 7) {
                const LabelText text = labelText(*data, i);
                QVERIFY(paintedWidth(text, &image) <= measure.width(text));
            }
        }
    }
};

QTEST_MAIN(TestLadderLabels)
#include "test_ladder_labels.moc"
