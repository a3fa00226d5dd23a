#include "chart/chart_canvas.h"
#include "chart/one_way_delay_chart.h"
#include "ladder/merged_ladder_export.h"
#include "ladder/merged_ladder_painter.h"
#include "ladder/merged_ladder_view.h"
#include "loading/merge_load_job.h"
#include "merged/merge_summary_text.h"
#include "merged/two_point_view.h"
#include "merged_test_data.h"
#include "models/merged_connection_proxy.h"
#include "models/merged_connection_table_model.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

using Model = MergedConnectionTableModel;

QString cell(const QAbstractItemModel& model, int row, int column) {
    return model.index(row, column).data().toString();
}

// Merged ids in the proxy's row order.
QList<int> order(const QSortFilterProxyModel& proxy) {
    QList<int> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, Model::IdColumn).data(Model::SortRole).toInt();
    return ids;
}

QString where(QPointF p) {
    return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y());
}

} // namespace

class TestMergedViews : public QObject {
    Q_OBJECT

private slots:
    void tableHasOneRowPerMergedConnection() {
        Model model;
        QAbstractItemModelTester tester(&model);
        model.setMerged(twoPointCapture());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(Model::ColumnCount));
        QCOMPARE(cell(model, 0, Model::ClientColumn), QStringLiteral("10.0.0.1:40000"));
        QCOMPARE(cell(model, 0, Model::ServerColumn), QStringLiteral("10.0.0.2:80"));
        QCOMPARE(cell(model, 0, Model::SeenColumn), QStringLiteral("both sides"));
        QCOMPARE(cell(model, 1, Model::SeenColumn), QStringLiteral("point 2 only"));
        QCOMPARE(cell(model, 0, Model::PacketsColumn), QStringLiteral("9"));
        QCOMPARE(cell(model, 0, Model::LostToServerColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 0, Model::LostToClientColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, 0, Model::DelayToServerColumn), QStringLiteral("10.0 ms"));
        QCOMPARE(cell(model, 2, Model::DelayToClientColumn), QStringLiteral("30.0 ms"));
        // One point only: no loss or delay between points can be told.
        QVERIFY(cell(model, 1, Model::LostToServerColumn).isEmpty());
        QVERIFY(cell(model, 1, Model::DelayToServerColumn).isEmpty());
        QCOMPARE(model.index(0, Model::DelayToServerColumn).data(Model::SortRole).toLongLong(),
                 10 * kMs);
    }

    void directionsFollowTheClientNotTheSides() {
        // Swap which side spoke first: the columns still read client → server.
        auto merged = std::const_pointer_cast<MergedCapture>(twoPointCapture());
        MergedConnection& lossy = merged->connections[0];
        lossy.lostBetween = {0, 4};
        for (auto& point : merged->points) {
            auto capture = std::const_pointer_cast<LoadedCapture>(point);
            capture
                ->connections[static_cast<std::size_t>(
                    lossy.connection[&point - &merged->points[0]])]
                .firstSynSender = 1;
        }
        Model model;
        model.setMerged(merged);
        QCOMPARE(cell(model, 0, Model::ClientColumn), QStringLiteral("10.0.0.2:80"));
        QCOMPARE(cell(model, 0, Model::LostToServerColumn), QStringLiteral("4"));
        QCOMPARE(cell(model, 0, Model::LostToClientColumn), QStringLiteral("0"));
    }

    void toggleHidesConnectionsSeenAtOnePoint() {
        Model model;
        model.setMerged(twoPointCapture());
        MergedConnectionProxy proxy;
        QAbstractItemModelTester tester(&proxy);
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setShowOneSided(false);
        QCOMPARE(order(proxy), (QList<int>{0, 2}));
        proxy.setShowOneSided(true);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void sortsByDelayAndLossAsNumbers() {
        Model model;
        model.setMerged(twoPointCapture());
        MergedConnectionProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(Model::DelayToServerColumn, Qt::AscendingOrder);
        // 10 ms, 30 ms, then the row with no delay at all.
        QCOMPARE(order(proxy), (QList<int>{0, 2, 1}));
        proxy.sort(Model::DelayToServerColumn, Qt::DescendingOrder);
        QCOMPARE(order(proxy), (QList<int>{1, 2, 0}));
        proxy.sort(Model::LostToServerColumn, Qt::DescendingOrder);
        QCOMPARE(order(proxy).mid(1), (QList<int>{0, 2}));
    }

    void summarySaysOffsetBoundDriftAndMatches() {
        const QString text = mergeSummaryText(*twoPointCapture());
        QVERIFY2(text.startsWith(QStringLiteral("Offset +5.00 ms ± 400 µs (bound +4.60 ms to "
                                                "+5.40 ms, from 5 + 3 packets)")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("drift 3.25 ppm")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2 connections at both points, 0 at point 1 only, "
                                              "1 at point 2 only")),
                 qPrintable(text));
        QCOMPARE(mergeTitleText(*twoPointCapture()),
                 QStringLiteral("client-side.pcap + server-side.pcapng"));
    }

    void ladderArrowsRunBetweenTheTimesAtEachPoint_data() {
        QTest::addColumn<int>("clientPoint");
        QTest::newRow("point 1 at the client") << 0;
        QTest::newRow("point 2 at the client") << 1;
    }

    void ladderArrowsRunBetweenTheTimesAtEachPoint() {
        QFETCH(int, clientPoint);
        const auto merged = twoPointCapture(clientPoint);
        const MergedLadderLayout layout = mergedLadderLayout(merged, 0);
        const int serverPoint = 1 - clientPoint;
        // The client-side point's line lies between the client lane and the other line.
        QVERIFY(layout.clientLaneX() < layout.pointX(clientPoint));
        QVERIFY(layout.pointX(clientPoint) < layout.pointX(serverPoint));
        QVERIFY(layout.pointX(serverPoint) < layout.serverLaneX());
        QCOMPARE(layout.arrows().size(), std::size_t{9});
        // Data segment 1: left the client side at 20.3 ms, reached the server side at 30.3 ms.
        const MergedArrow& data = layout.arrows()[3];
        QCOMPARE(data.shape, MergedArrowShape::Crossing);
        QVERIFY(data.fromClient);
        QCOMPARE(data.start, QPointF(layout.pointX(clientPoint), layout.yAt(20'300'000)));
        QCOMPARE(data.end, QPointF(layout.pointX(serverPoint), layout.yAt(30'300'000)));
        // The slant is the true one-way delay: 10 ms at the layout's scale.
        QCOMPARE(data.end.y() - data.start.y(), 10 * layout.pixelsPerMs());
        // The SYN+ACK runs the other way, from the server-side point.
        const MergedArrow& synAck = layout.arrows()[1];
        QVERIFY(!synAck.fromClient);
        QCOMPARE(synAck.start, QPointF(layout.pointX(serverPoint), layout.yAt(10'100'000)));
        QCOMPARE(synAck.end, QPointF(layout.pointX(clientPoint), layout.yAt(20'100'000)));
        QCOMPARE(synAck.receiverLaneX, layout.clientLaneX());
    }

    void lostPacketsEndInACrossInTheGap() {
        const auto merged = twoPointCapture();
        const MergedLadderLayout layout = mergedLadderLayout(merged, 0);
        const double gapMiddle = (layout.pointX(0) + layout.pointX(1)) / 2;
        const MergedArrow& lost = layout.arrows()[4];
        QCOMPARE(lost.shape, MergedArrowShape::LostBetween);
        QCOMPARE(lost.start, QPointF(layout.pointX(0), layout.yAt(20'400'000)));
        // Half the usual 10 ms delay on: where it would have been mid-way.
        QCOMPARE(lost.end, QPointF(gapMiddle, layout.yAt(25'400'000)));
        const MergedArrow& receiverOnly = layout.arrows()[8];
        QCOMPARE(receiverOnly.shape, MergedArrowShape::OnlyAtReceiver);
        QCOMPARE(receiverOnly.end, QPointF(layout.pointX(0), layout.yAt(70 * kMs)));
        QCOMPARE(receiverOnly.start.x(), gapMiddle);
        int crossings = 0;
        for (const MergedArrow& arrow : layout.arrows())
            crossings += arrow.shape == MergedArrowShape::Crossing;
        QCOMPARE(crossings, 7);
    }

    void labelsNameEveryPacketWithoutOverlapping() {
        const auto merged = twoPointCapture();
        const MergedLadderLayout layout = mergedLadderLayout(merged, 0);
        QCOMPARE(layout.labels().size(), layout.arrows().size());
        for (std::size_t i = 0; i < layout.labels().size(); ++i) {
            const MergedLabel& label = layout.labels()[i];
            QCOMPARE(label.packet, i);
            for (std::size_t j = i + 1; j < layout.labels().size(); ++j)
                QVERIFY2(!label.rect.intersects(layout.labels()[j].rect),
                         qPrintable(QStringLiteral("labels %1 and %2").arg(i).arg(j)));
            // Client labels left of the client lane, server labels right of the server lane.
            if (label.fromClient)
                QVERIFY(label.rect.right() <= layout.clientLaneX());
            else
                QVERIFY(label.rect.left() >= layout.serverLaneX());
        }
    }

    void renderedLadderShowsTheCrossAndTheFindings() {
        const auto merged = twoPointCapture();
        const MergedLadderLayout layout = mergedLadderLayout(merged, 0);
        const QImage image = renderMergedLadderImage(layout);
        QCOMPARE(image.size(), QSize(qCeil(layout.width()), qCeil(layout.height())));
        const QString out = QDir::temp().filePath(QStringLiteral("tcpladder-merged-ladder.png"));
        image.save(out);
        qInfo("merged ladder rendered to %s", qPrintable(out));
        // The cross's centre is painted in the loss colour.
        const QPointF cross = layout.arrows()[4].end;
        const QColor centre = image.pixelColor(cross.toPoint());
        QVERIFY2(centre.red() > 150 && centre.green() < 110 && centre.blue() < 110,
                 qPrintable(where(cross) + QStringLiteral(" is ") + centre.name()));
        // The gap between the points is shaded; a crossing arrow's middle is not.
        const MergedArrow& data = layout.arrows()[3];
        const QColor onArrow = image.pixelColor(((data.start + data.end) / 2).toPoint());
        QVERIFY2(onArrow != merged_palette::kGap, qPrintable(onArrow.name()));
    }

    void svgExportCarriesTheMergeFindings() {
        const auto merged = twoPointCapture();
        const MergedLadderLayout layout = mergedLadderLayout(merged, 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("merged.svg"));
        const LadderExportResult result = exportMergedLadder(layout, path, LadderFormat::Svg);
        QVERIFY2(result.ok, qPrintable(result.error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        QVERIFY(svg.contains(QStringLiteral("</svg>")));
        QCOMPARE(svg.count(QStringLiteral("lost between the points")), 1);
        QCOMPARE(svg.count(QStringLiteral("resent after a loss between the points")), 1);
        QVERIFY(svg.contains(QStringLiteral("one-sided: out-of-order")));
        QCOMPARE(svg.count(QStringLiteral("only at the receiver side")), 1);
        QVERIFY(svg.contains(QStringLiteral("client-side.pcap")));
    }

    void delayChartHasBothDirections() {
        const auto merged = twoPointCapture();
        const ChartContent chart = buildOneWayDelayChart(*merged, merged->connections[0]);
        QCOMPARE(chart.kind, ChartKind::OneWayDelay);
        const ChartSeries* toServer = chart.find(SeriesRole::DelayToServer);
        const ChartSeries* toClient = chart.find(SeriesRole::DelayToClient);
        QVERIFY(toServer && toClient);
        // Seen at both points: SYN, ACK, three data segments (one of them the resend).
        QCOMPARE(toServer->points.size(), std::size_t{5});
        QCOMPARE(toClient->points.size(), std::size_t{2});
        QCOMPARE(toServer->points[3], (ChartPoint{20'500'000, 15.0 * kMs}));
        QCOMPARE(toServer->points[4], (ChartPoint{46'100'000, 14.0 * kMs}));
        QCOMPARE(toClient->points[0], (ChartPoint{10'100'000, 10.0 * kMs}));
        QVERIFY(chart.valueMax >= 15.0 * kMs);
        const ChartContent oneSided = buildOneWayDelayChart(*merged, merged->connections[1]);
        QVERIFY(oneSided.find(SeriesRole::DelayToServer)->points.empty());
        QVERIFY(!oneSided.note.empty());
    }

    void mergedViewWiresTableLadderAndChart() {
        TwoPointView view;
        view.resize(1200, 800);
        view.setMerged(twoPointCapture());
        QVERIFY(view.header()->text().startsWith(QStringLiteral("Offset +5.00 ms")));
        // Opens on the first connection seen at both points.
        QCOMPARE(view.currentConnection(), 0);
        QVERIFY(view.ladder()->layout());
        QCOMPARE(view.ladder()->layout()->arrows().size(), std::size_t{9});
        QCOMPARE(view.delayChart()->kind(), ChartKind::OneWayDelay);
        // Both directions in the legend's series, each with its samples.
        QCOMPARE(view.delayChart()->pointCount(), qsizetype{7});
        view.delayChart()->resize(800, 400);
        view.delayChart()->layoutNow();
        QImage chart(800, 400, QImage::Format_ARGB32_Premultiplied);
        chart.fill(Qt::white);
        QPainter painter(&chart);
        view.delayChart()->render(&painter, QRectF(0, 0, 800, 400));
        painter.end();
        const QString out = QDir::temp().filePath(QStringLiteral("tcpladder-delay-chart.png"));
        chart.save(out);
        qInfo("delay chart rendered to %s", qPrintable(out));
        QSignalSpy changed(&view, &TwoPointView::currentConnectionChanged);
        view.selectConnection(2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view.ladder()->layout()->arrows().size(), std::size_t{2});
        view.oneSidedToggle()->setChecked(false);
        QCOMPARE(view.table()->model()->rowCount(), 2);
        QCOMPARE(view.currentConnection(), 2);
    }

    void loadJobMergesOnTheWorkerAndNamesTheFileThatFailed() {
        MergeLoadJob job;
        job.setMemoryBudget(123456789);
        // What each load was asked for: no merged view reads the application
        // summaries, so the merge's loads skip them (and keep the budget).
        std::vector<LoadOptions> asked;
        job.setLoadFunction(
            [&](const std::string& path,
                const LoadOptions& options) -> Result<std::shared_ptr<LoadedCapture>> {
                asked.push_back(options);
                if (path == "broken.pcap")
                    return Error{"broken.pcap: not a capture file"};
                auto capture = std::make_shared<LoadedCapture>();
                capture->path = path;
                return capture;
            });
        QThread* mergedOn = nullptr;
        job.setMergeFunction([&](std::shared_ptr<const LoadedCapture> first,
                                 std::shared_ptr<const LoadedCapture> second,
                                 const MergeOptions& options) -> Result<MergedCapture> {
            mergedOn = QThread::currentThread();
            MergedCapture merged;
            merged.points = {first, second};
            merged.offset.estimate = options.knownOffset.value_or(-1);
            merged.offset.userGiven = options.knownOffset.has_value();
            return merged;
        });
        QSignalSpy merged(&job, &MergeLoadJob::merged);
        QSignalSpy failed(&job, &MergeLoadJob::failed);
        MergeOptions options;
        options.knownOffset = 7 * kMs;
        job.start(QStringLiteral("a.pcap"), QStringLiteral("b.pcap"), {}, options);
        QVERIFY(merged.wait(10000));
        QVERIFY(mergedOn && mergedOn != QThread::currentThread());
        const auto result = merged.at(0).at(0).value<MergedPtr>();
        QCOMPARE(result->points[1]->path, std::string("b.pcap"));
        QCOMPARE(result->offset.estimate, 7 * kMs);
        QCOMPARE(asked.size(), 2u);
        for (const LoadOptions& options : asked) {
            QVERIFY(!options.applicationSummaries);
            QCOMPARE(options.memoryBudget, 123456789u);
            QVERIFY(options.progress);
        }

        job.start(QStringLiteral("a.pcap"), QStringLiteral("broken.pcap"));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("broken.pcap"));
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("broken.pcap: not a capture file"));

        // An already loaded first point is reused, not read again.
        auto open = std::make_shared<LoadedCapture>();
        open->path = "already-open.pcap";
        job.start(QStringLiteral("x.pcap"), QStringLiteral("b.pcap"), open);
        QVERIFY(merged.wait(10000));
        QCOMPARE(merged.at(1).at(0).value<MergedPtr>()->points[0], open);
    }
};

QTEST_MAIN(TestMergedViews)
#include "test_merged_views.moc"
