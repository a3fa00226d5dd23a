#include "format/units.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;

class TestUnits : public QObject {
    Q_OBJECT

private slots:
    void durations_data() {
        QTest::addColumn<qint64>("nanoseconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64{0} << "0 ns";
        QTest::newRow("nanoseconds") << qint64{999} << "999 ns";
        QTest::newRow("microseconds, two decimals") << qint64{1'234} << "1.23 µs";
        QTest::newRow("LAN RTT") << qint64{45'200} << "45.2 µs";
        QTest::newRow("rounds up into milliseconds") << qint64{999'600} << "1.00 ms";
        QTest::newRow("milliseconds") << qint64{12'345'678} << "12.3 ms";
        QTest::newRow("hundreds of milliseconds") << qint64{182'400'000} << "182 ms";
        QTest::newRow("rounds up into seconds") << qint64{999'700'000} << "1.00 s";
        QTest::newRow("seconds") << qint64{5'845'982'000} << "5.85 s";
        QTest::newRow("tens of seconds") << qint64{30'640'655'000} << "30.6 s";
        QTest::newRow("rounds up into minutes") << qint64{59'960'000'000} << "1 min 00 s";
        QTest::newRow("minutes") << qint64{125'400'000'000} << "2 min 05 s";
        QTest::newRow("hours") << qint64{3'725'000'000'000} << "1 h 02 min";
        QTest::newRow("negative") << qint64{-2'500'000} << "−2.50 ms";
    }
    void durations() {
        QFETCH(qint64, nanoseconds);
        QFETCH(QString, text);
        QCOMPARE(formatDuration(nanoseconds), text);
    }

    void bytes_data() {
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << quint64{0} << "0 B";
        QTest::newRow("below a kilobyte") << quint64{999} << "999 B";
        QTest::newRow("kilobyte, SI") << quint64{1'000} << "1.00 kB";
        QTest::newRow("kilobytes") << quint64{12'400} << "12.4 kB";
        QTest::newRow("rounds up into megabytes") << quint64{999'600} << "1.00 MB";
        QTest::newRow("megabytes") << quint64{3'200'000} << "3.20 MB";
        QTest::newRow("gigabytes") << quint64{45'600'000'000} << "45.6 GB";
    }
    void bytes() {
        QFETCH(quint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(formatBytes(bytes), text);
    }

    void counts_data() {
        QTest::addColumn<quint64>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("small") << quint64{7} << "7";
        QTest::newRow("thousands") << quint64{1'234} << "1,234";
        QTest::newRow("exact thousands") << quint64{100'000} << "100,000";
        QTest::newRow("millions") << quint64{1'234'567} << "1,234,567";
    }
    void counts() {
        QFETCH(quint64, count);
        QFETCH(QString, text);
        QCOMPARE(formatCount(count), text);
    }

    void offsets_data() {
        QTest::addColumn<qint64>("nanoseconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("start") << qint64{0} << "0.000 s";
        QTest::newRow("milliseconds round") << qint64{12'345'600'000} << "12.346 s";
        QTest::newRow("before the first packet") << qint64{-1'500'000} << "−0.002 s";
    }
    void offsets() {
        QFETCH(qint64, nanoseconds);
        QFETCH(QString, text);
        QCOMPARE(formatOffset(nanoseconds), text);
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "test_units.moc"
