#include "analysis/capture_report.h"
#include "gui_test_support.h"
#include "load/capture_loader.h"
#include "main_window.h"
#include "models/connection_table_model.h"
#include "support/conversation_builder.h"
#include "support/dialogue.h"
#include "table/connection_table_view.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;
using namespace tcpladder::ui;

using M = ConnectionTableModel;

namespace {

struct Server {
    const char* address;
    std::uint16_t port;
    const char* host;
};
constexpr Server kServers[] = {
    {"10.0.1.1", 80, "shop.example"},
    {"10.0.1.2", 80, "api.example"},
    {"10.0.1.3", 8080, "img.example"},
};

// Connection -> (request index -> wait in ms) for the slow responses; the
// others answer in 20-39 ms.
std::int64_t waitMs(int connection, int request) {
    if (connection == 13 && request == 1)
        return 1040; // api.example: the first slow request, on a keep-alive
    if (connection == 31 && request == 0)
        return 800; // api.example: slow, but later
    if (connection == 20 && request == 2)
        return 900; // img.example
    if (connection == 9 && request == 0)
        return 700; // shop.example
    return 20 + (connection * 7 + request * 3) % 20;
}

std::string targetOf(int connection, int request) {
    if (connection == 13 && request == 1)
        return "/api/orders";
    if (connection == 31)
        return "/api/report";
    return "/items/" + std::to_string(connection) + "/" + std::to_string(request);
}

// 50 keep-alive HTTP connections, 200 ms apart, to three servers, with 1-3
// requests each.
std::unique_ptr<TemporaryFile> fiftyConnections() {
    std::vector<std::vector<Frame>> conversations;
    for (int i = 0; i < 50; ++i) {
        const Server& server = kServers[i % 3];
        Dialogue d("10.0.0." + std::to_string(10 + i), static_cast<std::uint16_t>(40000 + i),
                   server.address, server.port, i * 200);
        std::int64_t at = i * 200 + 10;
        for (int k = 0; k < 1 + i % 3; ++k) {
            d.send(true, "GET " + targetOf(i, k) + " HTTP/1.1\r\nHost: " + server.host + "\r\n\r\n",
                   at);
            at += waitMs(i, k);
            d.send(false, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", at);
            at += 5;
        }
        conversations.push_back(d.frames());
    }
    return std::make_unique<TemporaryFile>(buildPcap(mergeByTime(conversations)));
}

} // namespace

class TestFirstSlowRequest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TemporaryFile> m_capture;

private slots:
    void initTestCase() {
        isolateSettings();
        m_capture = fiftyConnections();
    }

    // "Which request to api.example was the first slow one, and what did it
    // ask for?" Type the server, toggle Slow, select the first row: three
    // interactions, and the row names the request.
    void threeInteractionsFindTheFirstSlowRequest() {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(qPath(*m_capture));
        QVERIFY(loaded.wait(60'000));
        ConnectionTableView& table = *window.connectionTable();
        QCOMPARE(table.model()->rowCount(), 50);
        QAbstractItemModelTester tester(table.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterText"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("api.example")); // 1
        QTRY_COMPARE(table.model()->rowCount(), 17);
        auto* slow = window.findChild<QToolButton*>(QStringLiteral("slowToggle"));
        QVERIFY(slow);
        QTest::mouseClick(slow, Qt::LeftButton); // 2
        QCOMPARE(table.model()->rowCount(), 2);

        QSignalSpy current(&window, &MainWindow::currentConnectionChanged);
        const QRect cell = table.visualRect(table.model()->index(0, M::ClientColumn));
        QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, cell.center()); // 3
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.first().first().toInt(), 13);

        const QString application =
            table.model()->index(0, M::ApplicationColumn).data(Qt::DisplayRole).toString();
        QVERIFY2(application.contains(QStringLiteral("slow: GET /api/orders → 200")),
                 qPrintable(application));
        QVERIFY2(application.contains(QStringLiteral("1.04 s")), qPrintable(application));
        const QString tip =
            table.model()->index(0, M::ApplicationColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("request #2")), qPrintable(tip));
    }

    // The filter box finds connections by what they asked for, and the
    // Application column sorts.
    void theFilterFindsRequestTargetsAndSorts() {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::captureLoaded);
        window.openCapture(qPath(*m_capture));
        QVERIFY(loaded.wait(60'000));
        ConnectionTableView& table = *window.connectionTable();
        QAbstractItemModelTester tester(table.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterText"));
        filter->setText(QStringLiteral("/api/"));
        // The two connections that asked for /api/orders and /api/report.
        QTRY_COMPARE(table.model()->rowCount(), 2);
        // The filter applies after a short pause in typing.
        const auto onlyRow = [&] {
            return table.model()->rowCount() == 1
                       ? table.model()->index(0, 0).data(M::ConnectionIdRole).toInt()
                       : -1;
        };
        filter->setText(QStringLiteral("/API/ORDERS"));
        QTRY_COMPARE(onlyRow(), 13);
        filter->setText(QStringLiteral("img.example 10.0.0.30"));
        QTRY_COMPARE(onlyRow(), 20);
        filter->clear();
        QTRY_COMPARE(table.model()->rowCount(), 50);
        table.sortByColumn(M::ApplicationColumn, Qt::AscendingOrder);
        QString previous;
        for (int row = 0; row < table.model()->rowCount(); ++row) {
            const QString text = table.model()->index(row, M::ApplicationColumn).data().toString();
            QVERIFY2(previous <= text, qPrintable(previous + " > " + text));
            previous = text;
        }
    }

    // connections --format json carries the summary, the slow request included.
    void theJsonNamesTheSlowRequest() {
        QProcess cli;
        cli.start(QStringLiteral(TCPLADDER_CLI),
                  {QStringLiteral("connections"), qPath(*m_capture), QStringLiteral("--format"),
                   QStringLiteral("json")});
        QVERIFY(cli.waitForFinished(30'000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject root = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonArray connections = root.value(QStringLiteral("connections")).toArray();
        QCOMPARE(connections.size(), 50);
        const QJsonObject app =
            connections.at(13).toObject().value(QStringLiteral("application")).toObject();
        QCOMPARE(app.value(QStringLiteral("protocol")).toString(), QStringLiteral("HTTP"));
        QCOMPARE(app.value(QStringLiteral("requests")).toInt(), 2);
        QCOMPARE(app.value(QStringLiteral("host")).toString(), QStringLiteral("api.example"));
        const QJsonObject first = app.value(QStringLiteral("first_request")).toObject();
        QCOMPARE(first.value(QStringLiteral("target")).toString(), QStringLiteral("/items/13/0"));
        QCOMPARE(first.value(QStringLiteral("status")).toInt(), 200);
        const QJsonObject slow = app.value(QStringLiteral("first_slow_request")).toObject();
        QCOMPARE(slow.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(slow.value(QStringLiteral("target")).toString(), QStringLiteral("/api/orders"));
        QCOMPARE(slow.value(QStringLiteral("index")).toInt(), 1);
        QCOMPARE(slow.value(QStringLiteral("wait_ms")).toDouble(), 1040.0);
        QCOMPARE(app.value(QStringLiteral("slowest_request")).toObject(), slow);
        // A connection without a slow request says so.
        const QJsonObject calm =
            connections.at(0).toObject().value(QStringLiteral("application")).toObject();
        QVERIFY(calm.value(QStringLiteral("first_slow_request")).isNull());
    }

    // The report answers the same question by the same rule.
    void theReportAgrees() {
        const auto loaded = loadCapture(m_capture->path());
        QVERIFY(loaded);
        ReportOptions options;
        options.server = parseEndpointPattern("10.0.1.2:80");
        const CaptureReport report = buildCaptureReport(*loaded.value(), options);
        QVERIFY(report.firstSlow);
        QCOMPARE(*report.firstSlow, 13u);
        const HttpExchange* request = SlowRule{}.firstSlowRequest(report.facts[13]);
        QVERIFY(request);
        QCOMPARE(request->target, std::string("/api/orders"));
        QCOMPARE(request->index, 1u);
        QCOMPARE(request->wait, TimeNs{1040'000'000});
    }
};

QTEST_MAIN(TestFirstSlowRequest)
#include "test_first_slow_request.moc"
