#include "chart/chart_canvas.h"
#include "chart/chart_view.h"
#include "loading/sack_read_job.h"
#include "test_chart_capture.h"
#include "view_state/connection_view_state.h"

#include <QSignalSpy>
#include <QTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test::chart;

class TestChartView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensOnTheBusierDirection();
    void clickSelectsThroughTheState();
    void selectionInTheStateIsHighlightedAndScrolledTo();
    void zoomIsLinkedBothWays();
    void sackBlocksAreReadOnTheWorker();

private:
    std::unique_ptr<LossyCapture> m_lossy;
    std::unique_ptr<ConnectionViewState> m_state;
    std::unique_ptr<ChartView> m_view;
};

void TestChartView::init() {
    m_lossy = std::make_unique<LossyCapture>();
    m_state = std::make_unique<ConnectionViewState>();
    m_view = std::make_unique<ChartView>(m_state.get());
    m_view->resize(1000, 600);
    m_view->show();
    m_view->canvas()->layoutNow();
    m_state->setCapture(m_lossy->capture);
    m_state->setConnection(0);
    m_view->refreshNow();
}

void TestChartView::cleanup() {
    m_view.reset();
    m_state.reset();
    m_lossy.reset();
}

void TestChartView::opensOnTheBusierDirection() {
    QCOMPARE(m_view->sender(), kSideB);
    QCOMPARE(m_view->visibleBegin(), TimeNs{0});
    QCOMPARE(m_view->visibleEnd(), 100 * kMs + 1);
    m_view->setSender(kSideA);
    m_view->refreshNow();
    QCOMPARE(m_view->sender(), kSideA);
    QVERIFY(m_view->canvas()->valueMax() < 1000); // only the client's 100 bytes
}

void TestChartView::clickSelectsThroughTheState() {
    ChartCanvas* canvas = m_view->canvas();
    const QRectF plot = canvas->plotArea();
    // Where the retransmission (60 ms, 2001..3001) is drawn.
    const double x = plot.left() + plot.width() * (60.0 * kMs) / (canvas->end() - canvas->begin());
    const double y = plot.bottom() - plot.height() * (2501 - canvas->valueMin()) /
                                         (canvas->valueMax() - canvas->valueMin());
    QSignalSpy selected(m_state.get(), &ConnectionViewState::selectedPacketChanged);
    QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, QPointF(x, y).toPoint());
    QCOMPARE(selected.count(), 1);
    const qint64 index = m_state->selectedPacket();
    QVERIFY(index >= 0);
    const PacketRecord& record = m_lossy->capture->packets.at(0, static_cast<std::size_t>(index));
    QCOMPARE(record.relativeSeq(), 2001u);
    QCOMPARE(record.time() - m_lossy->capture->connections[0].firstTime, 60 * kMs);
}

void TestChartView::selectionInTheStateIsHighlightedAndScrolledTo() {
    m_state->setZoomLinked(false);
    m_view->canvas()->layoutNow();
    // Zoom to the start, then select the last packet (100 ms): the chart pans to it.
    QTest::keyClick(m_view.get(), Qt::Key_F);
    QSignalSpy ranges(m_state.get(), &ConnectionViewState::visibleRangeChanged);
    const qint64 last = static_cast<qint64>(m_lossy->capture->packets.packetCount(0)) - 1;
    m_view->setSender(kSideB);
    m_view->refreshNow();
    m_state->setSelectedPacket(last);
    QVERIFY(m_view->visibleEnd() > 100 * kMs);
    QCOMPARE(ranges.count(), 0); // not linked: the ladder keeps its range
}

void TestChartView::zoomIsLinkedBothWays() {
    m_state->setZoomLinked(true);
    QSignalSpy ranges(m_state.get(), &ConnectionViewState::visibleRangeChanged);
    // The ladder shows 40..60 ms: so does the chart.
    m_state->setVisibleRange(40 * kMs, 60 * kMs, this);
    QCOMPARE(m_view->visibleBegin(), 40 * kMs);
    QCOMPARE(m_view->visibleEnd(), 60 * kMs);
    m_view->refreshNow();
    QCOMPARE(m_view->canvas()->begin(), 40 * kMs);
    // A wheel zoom in the chart goes back to the state, marked as the chart's.
    const QRectF plot = m_view->canvas()->plotArea();
    QWheelEvent wheel(plot.center(), m_view->canvas()->viewport()->mapToGlobal(plot.center()),
                      QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                      false);
    QCoreApplication::sendEvent(m_view->canvas()->viewport(), &wheel);
    QCOMPARE(ranges.count(), 2);
    QCOMPARE(ranges.last().at(2).value<QObject*>(), static_cast<QObject*>(m_view.get()));
    QVERIFY(m_state->visibleEnd() - m_state->visibleBegin() < 20 * kMs);
    // Unlinked, the chart ignores the ladder.
    m_state->setZoomLinked(false);
    m_state->setVisibleRange(0, 10 * kMs, this);
    QVERIFY(m_view->visibleBegin() != 0);
}

void TestChartView::sackBlocksAreReadOnTheWorker() {
    // init() drew the sequence chart of the server's data: the duplicate
    // ACKs' SACK blocks were not read on the GUI thread, so none are drawn yet.
    QCOMPARE(m_view->chartKind(), ChartKind::Sequence);
    QSignalSpy read(m_view->sackJob(), &SackReadJob::blocksRead);
    const qsizetype withoutBlocks = m_view->canvas()->pointCount();
    QTRY_COMPARE(read.count(), 1);
    const auto answer = read.at(0).at(0).value<std::shared_ptr<const SackReadJob::Read>>();
    int withBlocks = 0;
    for (const auto& [index, blocks] : answer->blocks)
        withBlocks += !blocks.empty();
    QCOMPARE(withBlocks, 5); // the duplicate ACKs at 53..57 ms
    m_view->refreshNow();
    QVERIFY2(m_view->canvas()->pointCount() > withoutBlocks,
             qPrintable(QStringLiteral("%1 points before, %2 after")
                            .arg(withoutBlocks)
                            .arg(m_view->canvas()->pointCount())));
    // Drawn again, everything is known: nothing more to read.
    QTest::qWait(20);
    QCOMPARE(read.count(), 1);
}

QTEST_MAIN(TestChartView)
#include "test_chart_view.moc"
