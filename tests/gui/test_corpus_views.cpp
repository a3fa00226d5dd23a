#include "chart/chart_view.h"
#include "ladder/ladder_view.h"
#include "ladder/packet_details_pane.h"
#include "load/capture_loader.h"
#include "support/test_paths.h"
#include "view_state/connection_view_state.h"

#include <QDirIterator>
#include <QImage>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::ui;

// Every connection view over real, often broken captures: timestamps that go
// backwards or lie in the year 584,556, one-sided and mid-stream connections,
// fuzzed headers. Nothing may crash, and each view must draw something.
class TestCorpusViews : public QObject {
    Q_OBJECT

private slots:
    void everyCorpusConnectionDraws() {
        QStringList captures;
        QDirIterator files(QString::fromStdString(test::corpusDir()), QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path.endsWith(".pcap") || path.endsWith(".pcapng") || path.endsWith(".cap"))
                captures << path;
        }
        if (captures.isEmpty())
            QSKIP("no corpus beside the checkout");
        captures.sort();

        ConnectionViewState state;
        LadderView ladder(&state);
        ChartView chart(&state);
        PacketDetailsPane details(&state);
        ladder.resize(900, 700);
        chart.resize(700, 500);
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
                    QVERIFY2(!ladderImage.isNull() && !chartImage.isNull(), qPrintable(path));
                    QVERIFY2(!details.text().isEmpty(), qPrintable(path));
                }
                ++drawn;
            }
        }
        QVERIFY(drawn > 100);
    }
};

QTEST_MAIN(TestCorpusViews)
#include "test_corpus_views.moc"
