#include "chart/chart_view.h"
#include "ladder/ladder_header.h"
#include "ladder/ladder_view.h"
#include "ladder/packet_details_pane.h"
#include "load/capture_loader.h"
#include "support/corpus_captures.h"
#include "view_state/connection_view_state.h"

#include <QImage>
#include <QtTest>
#include <algorithm>
#include <limits>

using namespace tcpladder;
using namespace tcpladder::ui;

namespace {

// A view has drawn a connection when this many of its pixels differ from its
// empty state ("Select a connection", a blank chart): the ladder's lanes and
// header, or the chart's title and axes, change thousands.
constexpr qint64 kDrawnPixels = 1000;

qint64 changedPixels(const QImage& drawn, const QImage& empty) {
    const QImage a = drawn.convertToFormat(QImage::Format_ARGB32);
    const QImage b = empty.convertToFormat(QImage::Format_ARGB32);
    if (a.size() != b.size())
        return qint64{a.width()} * a.height();
    qint64 changed = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* rowA = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* rowB = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x)
            changed += rowA[x] != rowB[x];
    }
    return changed;
}

// The darkest pixel where a visible arrow crosses the middle between the
// lanes (255 when none does). A drawn arrow is at least as dark there as a
// pure ACK's grey; the background, tick lines and idle-gap fill are lighter.
int darkestArrowPixel(const LadderView& ladder, const QImage& image) {
    const LadderLayout* layout = ladder.ladderLayout();
    if (!layout)
        return 255;
    const auto [top, bottom] = ladder.visibleSlice();
    const auto [first, last] = layout->packetsBetween(top, bottom);
    const double clientX = layout->columns().clientX;
    const double serverX = layout->columns().serverX;
    const QRect body =
        ladder.viewport()->geometry().adjusted(0, static_cast<int>(ladderHeaderHeight()), 0, 0);
    // Along the first visible arrow between the lanes: a label may cover
    // part of it, never all of it.
    for (std::size_t index = first; index < last; ++index) {
        const LadderArrow arrow = layout->arrow(index);
        const double middleY = arrow.pointAtX((clientX + serverX) / 2).y();
        if (middleY < top + 3 || middleY > bottom - 3)
            continue;
        int darkest = 255;
        for (double x = clientX + 8; x < serverX - 8; x += 2) {
            const int column = body.x() + static_cast<int>(x);
            const int row = body.top() + static_cast<int>(arrow.pointAtX(x).y() - top);
            for (int dy = -1; dy <= 1; ++dy)
                if (image.valid(column, row + dy))
                    darkest = std::min(darkest, qGray(image.pixel(column, row + dy)));
        }
        return darkest;
    }
    return 255;
}

} // namespace

// Every connection view over real, often broken captures: timestamps that go
// backwards or lie in the year 584,556, one-sided and mid-stream connections,
// fuzzed headers. Nothing may crash, and each view must draw the connection.
class TestCorpusViews : public QObject {
    Q_OBJECT

private slots:
    void everyCorpusConnectionDraws() {
        QStringList captures = test::corpusCaptures();
        // Without the corpus this test would check nothing, so it fails.
        QVERIFY2(!captures.isEmpty(),
                 qPrintable("no captures in " + QString::fromStdString(test::corpusDir())));

        ConnectionViewState state;
        LadderView ladder(&state);
        ChartView chart(&state);
        PacketDetailsPane details(&state);
        ladder.resize(900, 700);
        chart.resize(700, 500);
        const QImage emptyLadder = ladder.grab().toImage();
        const QImage emptyChart = chart.grab().toImage();
        qint64 fewestLadder = std::numeric_limits<qint64>::max();
        qint64 fewestChart = fewestLadder;
        int palestArrow = 0;
        int drawn = 0;
        for (const QString& path : captures) {
            auto loaded = loadCapture(path.toStdString());
            if (!loaded)
                continue;
            state.setCapture(loaded.value());
            const int connections = static_cast<int>(loaded.value()->connections.size());
            // The first and the last connection of each capture keep the run short.
            for (const int id : {0, connections - 1}) {
                if (id < 0 || id >= connections)
                    continue;
                state.setConnection(id);
                const auto count = static_cast<qint64>(
                    loaded.value()->packets.packetCount(static_cast<std::uint32_t>(id)));
                for (const qint64 packet : {qint64{0}, count - 1, count / 2}) {
                    state.setSelectedPacket(packet);
                    chart.refreshNow();
                    const QImage ladderImage = ladder.grab().toImage();
                    const QImage chartImage = chart.grab().toImage();
                    const qint64 ladderPixels = changedPixels(ladderImage, emptyLadder);
                    const qint64 chartPixels = changedPixels(chartImage, emptyChart);
                    const QString where = QStringLiteral("%1 connection %2 packet %3: ladder %4, "
                                                         "chart %5 pixels drawn")
                                              .arg(path)
                                              .arg(id)
                                              .arg(packet)
                                              .arg(ladderPixels)
                                              .arg(chartPixels);
                    QVERIFY2(ladderPixels >= kDrawnPixels && chartPixels >= kDrawnPixels,
                             qPrintable(where));
                    fewestLadder = std::min(fewestLadder, ladderPixels);
                    fewestChart = std::min(fewestChart, chartPixels);
                    QVERIFY2(!details.text().isEmpty(), qPrintable(path));
                }
                // Without a selection, whose band would lie under the arrow.
                state.setSelectedPacket(-1);
                const int darkest = darkestArrowPixel(ladder, ladder.grab().toImage());
                QVERIFY2(darkest < 230,
                         qPrintable(
                             QStringLiteral("%1 connection %2: no arrow drawn").arg(path).arg(id)));
                palestArrow = std::max(palestArrow, darkest);
                ++drawn;
            }
        }
        qInfo("%d connections drawn; fewest pixels drawn: ladder %lld, chart %lld; palest arrow "
              "grey %d",
              drawn, fewestLadder, fewestChart, palestArrow);
        QVERIFY(drawn > 100);
    }
};

QTEST_MAIN(TestCorpusViews)
#include "test_corpus_views.moc"
