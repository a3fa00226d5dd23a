#include "table/table_copy.h"

#include <QStandardItemModel>
#include <QtTest>

using namespace tcpladder::ui;

class TestTableCopy : public QObject {
    Q_OBJECT

private slots:
    void tsvHasAHeaderAndTheChosenRowsAndColumns() {
        QStandardItemModel model(3, 3);
        model.setHorizontalHeaderLabels({"#", "Client", "Bytes →"});
        for (int row = 0; row < 3; ++row) {
            model.setItem(row, 0, new QStandardItem(QString::number(row)));
            model.setItem(row, 1, new QStandardItem(QStringLiteral("10.0.0.%1:80").arg(row)));
            model.setItem(row, 2, new QStandardItem(QStringLiteral("1.2%1 kB").arg(row)));
        }
        model.setItem(2, 1, new QStandardItem(QStringLiteral("tab\there")));
        QCOMPARE(
            rowsAsTsv(model, {2, 0}, {0, 2, 1}),
            QStringLiteral("#\tBytes →\tClient\n2\t1.22 kB\ttab here\n0\t1.20 kB\t10.0.0.0:80\n"));
    }

    void wiresharkFilters_data() {
        QTest::addColumn<QList<int>>("ids");
        QTest::addColumn<QString>("filter");
        QTest::newRow("none") << QList<int>{} << QString();
        QTest::newRow("one") << QList<int>{7} << "tcp.stream eq 7";
        QTest::newRow("several") << QList<int>{3, 7, 9} << "tcp.stream in {3 7 9}";
    }
    void wiresharkFilters() {
        QFETCH(QList<int>, ids);
        QFETCH(QString, filter);
        QCOMPARE(wiresharkFilter(ids), filter);
    }
};

QTEST_GUILESS_MAIN(TestTableCopy)
#include "test_table_copy.moc"
