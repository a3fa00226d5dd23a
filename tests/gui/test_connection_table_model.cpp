#include "gui_test_support.h"
#include "load/capture_loader.h"
#include "models/connection_filter_proxy.h"
#include "models/connection_table_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;
using namespace tcpladder::ui;

using M = ConnectionTableModel;

class TestConnectionTableModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TemporaryFile> m_file;
    SnapshotPtr m_snapshot;

    static QList<int> visibleIds(const QAbstractItemModel& model) {
        QList<int> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids << model.index(row, 0).data(M::ConnectionIdRole).toInt();
        return ids;
    }

private slots:
    void initTestCase() {
        m_file = scenarioCapture();
        auto loaded = loadCapture(m_file->path());
        QVERIFY(loaded.ok());
        auto snapshot = std::make_shared<CaptureSnapshot>();
        snapshot->capture = loaded.value();
        snapshot->facts = *computeConnectionFacts(*snapshot->capture);
        m_snapshot = snapshot;
    }

    void passesTheModelTesterThroughResetsFiltersAndSorts() {
        M model;
        ConnectionFilterProxy proxy;
        proxy.setConnectionModel(&model);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_snapshot);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.columnCount(), int{M::ColumnCount});
        proxy.sort(M::HandshakeRttColumn, Qt::DescendingOrder);
        proxy.setEndpointFilter(QStringLiteral("10.0.0.9"));
        proxy.setQuickFilters(QuickFilter::Slow);
        SlowRule fixed;
        fixed.fixedThreshold = 350'000'000;
        model.setSlowRule(fixed);
        proxy.slowRuleChanged();
        QCOMPARE(visibleIds(proxy), (QList<int>{2, 3}));
        proxy.setQuickFilters({});
        proxy.setEndpointFilter({});
        model.setSnapshot(nullptr);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void formatsWithUnitsAndRightAlignsNumbers() {
        M model;
        model.setSnapshot(m_snapshot);
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(2, M::IdColumn), QStringLiteral("2"));
        QCOMPARE(text(2, M::ClientColumn), QStringLiteral("10.0.0.6:40002"));
        QCOMPARE(text(8, M::ServerColumn), QStringLiteral("[2001:db8::1]:443"));
        QCOMPARE(text(2, M::StartColumn), QStringLiteral("0.200 s"));
        QCOMPARE(text(2, M::HandshakeRttColumn), QStringLiteral("400 ms"));
        QCOMPARE(text(3, M::FirstByteColumn), QStringLiteral("900 ms"));
        QCOMPARE(text(0, M::BytesToClientColumn), QStringLiteral("4.00 kB"));
        QCOMPARE(text(0, M::PacketsColumn), QStringLiteral("4 / 3"));
        QCOMPARE(text(4, M::StateColumn), QStringLiteral("RSTO"));
        QCOMPARE(text(4, M::ClosedByColumn), QStringLiteral("client RST"));
        const auto alignment = model.index(0, M::BytesToServerColumn).data(Qt::TextAlignmentRole);
        QVERIFY(alignment.value<Qt::Alignment>().testFlag(Qt::AlignRight));
    }

    void tooltipsSayItInWordsAndGiveAbsoluteTimes() {
        M model;
        model.setSnapshot(m_snapshot);
        const auto tip = [&](int row, int column) {
            return model.index(row, column).data(Qt::ToolTipRole).toString();
        };
        QVERIFY(tip(4, M::StateColumn).startsWith(QStringLiteral("reset by client after 5.70 kB")));
        QVERIFY(
            tip(2, M::StartColumn).contains(QStringLiteral("2023-11-14 22:13:20.200000000 UTC")));
        QVERIFY(tip(2, M::HandshakeRttColumn).contains(QStringLiteral("SYN → SYN/ACK 400 ms")));
    }

    void sortRoleGivesRawNumbers() {
        M model;
        model.setSnapshot(m_snapshot);
        const QVariant rtt = model.index(2, M::HandshakeRttColumn).data(M::SortRole);
        QCOMPARE(rtt.typeId(), QMetaType::LongLong);
        QCOMPARE(rtt.toLongLong(), 400'100'000);
        QCOMPARE(model.index(2, M::BytesToClientColumn).data(M::SortRole).toLongLong(), 4000);
    }

    void sortsByNumbersNotText() {
        M model;
        model.setSnapshot(m_snapshot);
        ConnectionFilterProxy proxy;
        proxy.setConnectionModel(&model);
        // As text "5.10 ms" > "400 ms"; as numbers the 400 ms handshake comes first.
        proxy.sort(M::HandshakeRttColumn, Qt::DescendingOrder);
        QCOMPARE(visibleIds(proxy).mid(0, 2), (QList<int>{2, 10}));
        for (int column = M::StartColumn; column <= M::RetransmissionsColumn; ++column) {
            proxy.sort(column, Qt::AscendingOrder);
            for (int row = 1; row < proxy.rowCount(); ++row) {
                QVERIFY(proxy.index(row - 1, column).data(M::SortRole).toLongLong() <=
                        proxy.index(row, column).data(M::SortRole).toLongLong());
            }
        }
    }

    void slowRowsAreHighlighted() {
        M model;
        model.setSnapshot(m_snapshot);
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool slow = row == 2 || row == 3 || row == 10;
            QCOMPARE(model.index(row, 0).data(M::SlowRole).toBool(), slow);
            QCOMPARE(model.index(row, 0).data(Qt::BackgroundRole).isValid(), slow);
        }
        QVERIFY(model.index(2, M::HandshakeRttColumn).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(2, M::FirstByteColumn).data(Qt::FontRole).isValid());
    }

    void quickFiltersAnswerTheCommonQuestions_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("quick");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("server and port") << "10.0.0.9:443" << 0 << QList<int>{0, 1, 2, 3, 4, 10};
        QTest::newRow("IPv6 server") << "[2001:db8::1]:443" << 0 << QList<int>{8};
        QTest::newRow("slow") << "" << int(QuickFilter::Slow) << QList<int>{2, 3, 10};
        QTest::newRow("cut short by client")
            << "" << int(QuickFilter::ClientCutShort) << QList<int>{4, 7, 11};
        QTest::newRow("retransmissions or zero window")
            << "" << int(QuickFilter::Trouble) << QList<int>{5, 6};
        QTest::newRow("toggles and text narrow together")
            << ":80" << int(QuickFilter::Trouble | QuickFilter::ClientCutShort) << QList<int>{};
        QTest::newRow("cut short at one server")
            << "10.0.0.20" << int(QuickFilter::ClientCutShort) << QList<int>{7};
    }
    void quickFiltersAnswerTheCommonQuestions() {
        QFETCH(QString, text);
        QFETCH(int, quick);
        QFETCH(QList<int>, ids);
        M model;
        model.setSnapshot(m_snapshot);
        ConnectionFilterProxy proxy;
        proxy.setConnectionModel(&model);
        proxy.sort(M::IdColumn);
        proxy.setEndpointFilter(text);
        proxy.setQuickFilters(QuickFilters::fromInt(quick));
        QCOMPARE(visibleIds(proxy), ids);
    }
};

QTEST_MAIN(TestConnectionTableModel)
#include "test_connection_table_model.moc"
