#include "analysis/connection_facts.h"
#include "ladder/ladder_data.h"
#include "load/capture_loader.h"
#include "models/connection_filter_proxy.h"
#include "models/connection_table_model.h"
#include "support/corpus_captures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>
#include <map>
#include <set>

using namespace tcpladder;
using namespace tcpladder::ui;
using M = ConnectionTableModel;

namespace {

// question -> id -> the line
using Answers = std::map<QString, std::map<int, QJsonObject>>;

Answers reportOf(const QString& path, int& exitCode) {
    QProcess process;
    process.start(QStringLiteral(TCPLADDER_CLI),
                  {"report", path, "--format", "json", "--all-slow"});
    if (!process.waitForFinished(60000))
        qFatal("tcpladder-cli report did not finish on %s", qPrintable(path));
    exitCode = process.exitCode();
    Answers answers;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        answers[object["question"].toString()][object["id"].toInt()] = object;
    }
    return answers;
}

QList<int> sorted(const std::set<int>& ids) {
    return QList<int>(ids.begin(), ids.end());
}

std::set<int> visibleIds(ConnectionFilterProxy& proxy, QuickFilters filters) {
    proxy.setQuickFilters(filters);
    std::set<int> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.insert(proxy.index(row, 0).data(M::ConnectionIdRole).toInt());
    return ids;
}

std::set<int> keys(const std::map<int, QJsonObject>& lines) {
    std::set<int> ids;
    for (const auto& [id, line] : lines)
        ids.insert(id);
    return ids;
}

qint64 nsOf(const QJsonValue& ms) {
    return qRound64(ms.toDouble() * 1e6);
}

} // namespace

// `tcpladder-cli report` and the desktop application answer the same three
// questions from the same core code; over every corpus capture the report's
// answers must be what the connection table (and the ladder's stall notes)
// shows for every connection.
class TestReportAgreement : public QObject {
    Q_OBJECT

private slots:
    void reportJsonAgreesWithTheTableOnTheCorpus() {
        const QStringList captures = test::corpusCaptures();
        if (captures.isEmpty())
            QSKIP("no corpus beside the checkout");
        std::size_t connections = 0, slow = 0, cut = 0, trouble = 0, stalls = 0;
        for (const QString& path : captures) {
            int exitCode = 0;
            Answers answers = reportOf(path, exitCode);
            auto loaded = loadCapture(path.toStdString());
            if (!loaded) {
                QVERIFY2(exitCode == 1, qPrintable(path));
                continue;
            }
            QVERIFY2(exitCode == 0, qPrintable(path));
            auto snapshot = std::make_shared<CaptureSnapshot>();
            snapshot->capture = loaded.value();
            snapshot->facts = *computeConnectionFacts(*snapshot->capture);
            M model;
            model.setSnapshot(snapshot);
            ConnectionFilterProxy proxy;
            proxy.setConnectionModel(&model);
            const auto& slowLines = answers["slow"];
            const auto& cutLines = answers["cut-short"];
            const auto& troubleLines = answers["trouble"];

            QCOMPARE(sorted(keys(slowLines)), sorted(visibleIds(proxy, QuickFilter::Slow)));
            QCOMPARE(sorted(keys(cutLines)),
                     sorted(visibleIds(proxy, QuickFilter::ClientCutShort)));
            std::set<int> expectedTrouble = visibleIds(proxy, QuickFilter::Trouble);
            // The first slow row when sorted by start is the report's first.
            proxy.setQuickFilters(QuickFilter::Slow);
            proxy.sort(M::StartColumn, Qt::AscendingOrder);
            if (proxy.rowCount() > 0) {
                const int first = proxy.index(0, 0).data(M::ConnectionIdRole).toInt();
                QVERIFY2(slowLines.at(first)["first"].toBool(), qPrintable(path));
            }
            proxy.sort(M::IdColumn, Qt::AscendingOrder);

            for (int row = 0; row < model.rowCount(); ++row) {
                ++connections;
                const auto sortKey = [&](int column) {
                    return model.index(row, column).data(M::SortRole).toLongLong();
                };
                if (const auto line = slowLines.find(row); line != slowLines.end()) {
                    ++slow;
                    const qint64 rtt = sortKey(M::HandshakeRttColumn);
                    if (rtt >= 0)
                        QVERIFY(qAbs(nsOf(line->second["handshake_rtt_ms"]) - rtt) <= 500);
                    QCOMPARE(line->second["rtt_slow"].toBool(),
                             model.slowRule().rttSlow(model.facts(row)));
                }
                if (cutLines.count(row))
                    ++cut;
                const auto ladder = buildLadderData(snapshot->capture, row);
                const std::size_t ladderStalls = ladder->timeline.stalls.size();
                stalls += ladderStalls;
                if (ladderStalls > 0)
                    expectedTrouble.insert(row);
                if (const auto line = troubleLines.find(row); line != troubleLines.end()) {
                    ++trouble;
                    QCOMPARE(line->second["retransmissions"].toInteger(),
                             sortKey(M::RetransmissionsColumn));
                    QCOMPARE(static_cast<std::size_t>(line->second["stalls"].toInt()),
                             ladderStalls);
                }
            }
            QCOMPARE(sorted(keys(troubleLines)), sorted(expectedTrouble));
        }
        qInfo("%zu connections: %zu slow, %zu cut short, %zu with trouble, %zu stalls", connections,
              slow, cut, trouble, stalls);
        QVERIFY(slow > 0 && cut > 0 && trouble > 0 && stalls > 0);
    }
};

QTEST_MAIN(TestReportAgreement)
#include "test_report_agreement.moc"
