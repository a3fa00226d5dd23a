#include "widgets/load_progress_widget.h"

#include <QLabel>
#include <QProgressBar>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;

class TestLoadProgressWidget : public QObject {
    Q_OBJECT

    static LoadProgressInfo reading(std::uint64_t bytesRead, std::uint64_t fileSize) {
        LoadProgressInfo info;
        info.reading.bytesRead = bytesRead;
        info.reading.fileSize = fileSize;
        info.reading.frames = 1234;
        info.reading.connections = 5;
        return info;
    }

private slots:
    void fileShowsTheShareRead() {
        LoadProgressWidget widget;
        widget.begin(QStringLiteral("/tmp/x.pcap"));
        widget.update(reading(250, 1000));
        auto* bar = widget.findChild<QProgressBar*>(QStringLiteral("loadProgressBar"));
        QVERIFY(bar);
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value() * 4, bar->maximum());
        QVERIFY(widget.findChild<QLabel*>(QStringLiteral("loadCounts"))
                    ->text()
                    .startsWith(QStringLiteral("1,234 packets · 5 connections")));
    }

    // A pipe has no size: the bar is busy, never "100%" after the first bytes.
    void pipeShowsABusyBarThenTheAnalysisShare() {
        LoadProgressWidget widget;
        widget.begin(QStringLiteral("-"));
        widget.update(reading(5000, 0));
        auto* bar = widget.findChild<QProgressBar*>(QStringLiteral("loadProgressBar"));
        QCOMPARE(bar->minimum(), 0);
        QCOMPARE(bar->maximum(), 0);

        LoadProgressInfo analysing = reading(5000, 0);
        analysing.stage = LoadProgressInfo::Stage::Analysing;
        analysing.connectionsAnalysed = 1;
        widget.update(analysing);
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value() * 5, bar->maximum());

        widget.begin(QStringLiteral("/tmp/y.pcap"));
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), 0);
    }
};

QTEST_MAIN(TestLoadProgressWidget)
#include "test_load_progress_widget.moc"
