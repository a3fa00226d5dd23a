#include "format/units.h"
#include "ladder/ladder_exporter.h"
#include "ladder/ladder_label_layout.h"
#include "ladder/ladder_label_text.h"
#include "ladder/ladder_painter.h"
#include "ladder/ladder_text_export.h"
#include "ladder/ladder_view.h"
#include "ladder/packet_details_pane.h"
#include "ladder_label_checks.h"
#include "ladder_test_support.h"
#include "load/capture_loader.h"
#include "loading/connection_messages_job.h"
#include "support/dialogue.h"
#include "view_state/connection_view_state.h"

#include <QImage>
#include <QSemaphore>
#include <QSignalSpy>
#include <QtTest>
#include <atomic>
#include <memory>

using namespace tcpladder;
using namespace tcpladder::ui;
using namespace tcpladder::test;

namespace {

constexpr std::int64_t kMs = 1'000'000;

// A capture written to a file, so its packets can be re-read as the GUI does.
struct FileCapture {
    std::unique_ptr<TemporaryFile> file;
    std::shared_ptr<const LoadedCapture> capture;
};

FileCapture load(const std::vector<Frame>& frames) {
    FileCapture loaded;
    loaded.file = std::make_unique<TemporaryFile>(buildPcap(frames, {.nanosecond = true}));
    auto result = loadCapture(loaded.file->path());
    if (result)
        loaded.capture = std::move(result.value());
    return loaded;
}

// An HTTP/1.1 keep-alive connection: the first request split over three
// segments (frames 4-6), its response over two (7-8) after the server
// thought 1.04 s, then a second request and response (9-10).
Dialogue keepAlive() {
    Dialogue d;
    d.send(true, "GET /api/or", 10).send(true, "ders HTTP/1.1\r\nHost: shop.exa", 11);
    d.send(true, "mple\r\n\r\n", 12);
    d.send(false, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234", 1052);
    d.send(false, "56789", 1060);
    d.send(true, "GET /api/items HTTP/1.1\r\nHost: shop.example\r\n\r\n", 1100);
    d.send(false, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", 1130);
    return d;
}

// A ClientHello split across two records and three segments (frames 4-6);
// the server answers with a fatal alert (frame 7).
Dialogue tlsRefused() {
    const std::string hello = clientHello("example.com", "h2");
    const std::string first = tlsRecord(22, hello.substr(0, 20));
    const std::string second = tlsRecord(22, hello.substr(20));
    Dialogue d;
    d.send(true, first, 10).send(true, second.substr(0, 30), 11).send(true, second.substr(30), 12);
    d.send(false, tlsRecord(21, std::string("\x02\x28", 2)), 20);
    return d;
}

std::shared_ptr<const LadderMessages> readPlaced(const LoadedCapture& capture) {
    auto read = readConnectionMessages(capture, 0);
    if (!read)
        return nullptr;
    return std::make_shared<const LadderMessages>(placeMessages(capture, 0, read.value()));
}

// The ladder of connection 0 with its messages, as the view has it once the worker is done.
std::shared_ptr<const LadderData> ladderWithMessages(const FileCapture& loaded) {
    const auto data = buildLadderData(loaded.capture, 0);
    return withMessages(*data, readPlaced(*loaded.capture));
}

LadderOptions options() {
    LadderOptions o;
    applyLabelMetrics(o);
    return o;
}

// Every label of the whole connection, as a picture of it lays them out.
std::vector<LadderLabel> allLabels(const LadderLayout& layout, LabelTexts& texts) {
    return layoutLabels(layout, 0, layout.data().packetCount(), 0, layout.contentHeight(),
                        texts.widths());
}

std::size_t labelsNaming(const std::vector<LadderLabel>& labels, LabelTexts& texts,
                         const QString& name) {
    std::size_t count = 0;
    for (const LadderLabel& label : labels)
        if (label.single() && texts.text(label.first).message.contains(name))
            ++count;
    return count;
}

std::vector<SeenLabel> seenLabels(const LadderData& data, const std::vector<LadderLabel>& labels) {
    std::vector<SeenLabel> seen;
    for (const LadderLabel& label : labels)
        seen.push_back(test::seen(data, label));
    return seen;
}

// The message colour, or its antialiased blend with white: a violet, red
// and blue well above green, unlike the lanes, arrows and text.
bool violet(QColor c) {
    return c.red() - c.green() > 40 && c.blue() - c.green() > 40;
}

} // namespace

class TestLadderMessages : public QObject {
    Q_OBJECT

private slots:
    void requestSplitOverThreeSegmentsIsLabelledOnceAtItsFirstArrow() {
        const FileCapture loaded = load(keepAlive().frames());
        QVERIFY(loaded.capture);
        const auto data = ladderWithMessages(loaded);
        QVERIFY(data->messages);
        const std::size_t first = data->indexOfFrame(4);
        QCOMPARE(messageText(*data, first), QStringLiteral("GET /api/orders"));
        QCOMPARE(messageText(*data, data->indexOfFrame(5)), QString());
        QCOMPARE(messageText(*data, data->indexOfFrame(6)), QString());
        QCOMPARE(messageText(*data, data->indexOfFrame(7)), QStringLiteral("200 OK · 10 B"));
        QCOMPARE(messageText(*data, data->indexOfFrame(9)), QStringLiteral("GET /api/items"));

        QImage device(1, 1, QImage::Format_ARGB32_Premultiplied);
        for (const double zoom : {1.0, 0.01}) {
            LadderOptions o = options();
            o.pixelsPerSecond = LadderLayout::defaultPixelsPerSecond(*data, o) * zoom;
            const LadderLayout layout(data, o);
            LabelTexts texts(*data, &device, maxLabelWidth(layout));
            const auto labels = allLabels(layout, texts);
            QCOMPARE(labelsNaming(labels, texts, QStringLiteral("GET /api/orders")), 1u);
            QCOMPARE(labelsNaming(labels, texts, QStringLiteral("200 OK")), 1u);
            const auto own = std::ranges::find_if(
                labels, [&](const LadderLabel& l) { return l.single() && l.first == first; });
            QVERIFY(own != labels.end());
            QVERIFY(texts.text(first).message.startsWith(QStringLiteral("GET /api/orders")));
            // Every packet still named once, nothing overlapping, even zoomed far out.
            const QString problems = labelProblems(*data, packetRange(0, data->packetCount()),
                                                   seenLabels(*data, labels));
            QVERIFY2(problems.isEmpty(), qPrintable(problems));
        }
    }

    void bracketSpansTheRequestsSegments() {
        const FileCapture loaded = load(keepAlive().frames());
        const auto data = ladderWithMessages(loaded);
        LadderOptions o = options();
        o.axis = TimeAxis::PerPacket; // rows far enough apart to look between them
        const LadderLayout layout(data, o);
        const QImage image = renderLadderImage(layout, nullptr, 0, layout.contentHeight(), 1);
        if (qEnvironmentVariableIsSet("TCPLADDER_KEEP_PICTURES"))
            image.save(QStringLiteral("/tmp/ladder_messages_bracket.png"));
        // The legend and column headings stand above the content.
        const double header = image.height() - layout.contentHeight();
        const double x = layout.columns().clientX - 7;
        const auto bracketAt = [&](double y) {
            for (int dx = -1; dx <= 1; ++dx)
                if (violet(image.pixelColor(qRound(x) + dx, qRound(header + y))))
                    return true;
            return false;
        };
        const double top = layout.arrow(data->indexOfFrame(4)).start.y();
        const double bottom = layout.arrow(data->indexOfFrame(6)).start.y();
        QVERIFY(bottom > top + 20);
        for (double y = top + 2; y < bottom - 2; y += 3)
            QVERIFY2(bracketAt(y), qPrintable(QStringLiteral("no bracket at y=%1").arg(y)));
        // It ends at the request's last packet: none beside the next request, a single segment.
        const double single = layout.arrow(data->indexOfFrame(9)).start.y();
        QVERIFY(!bracketAt(single + 8));
        QVERIFY(!bracketAt(bottom + 8));
    }

    void thinkTimeNoteShowsTheServersDelay() {
        const FileCapture loaded = load(keepAlive().frames());
        const auto data = ladderWithMessages(loaded);
        // Request's last byte at 12 ms, response's first at 1052 ms and last at 1060 ms.
        const std::size_t response = data->indexOfFrame(7);
        const auto note = std::ranges::find_if(data->notes, [&](const LadderNote& n) {
            return n.kind == LadderNote::Kind::ThinkTime && n.packet == response;
        });
        QVERIFY(note != data->notes.end());
        QCOMPARE(note->text, QStringLiteral("Think %1 · last byte %2")
                                 .arg(formatDuration(1040 * kMs), formatDuration(1048 * kMs)));
        QCOMPARE(note->time, data->relativeTime(response));
        // The second request waited 30 ms; the connection's own first-byte note is gone.
        const std::size_t second = data->indexOfFrame(10);
        QVERIFY(std::ranges::any_of(data->notes, [&](const LadderNote& n) {
            return n.packet == second &&
                   n.text.startsWith(QStringLiteral("Think %1").arg(formatDuration(30 * kMs)));
        }));
        QVERIFY(std::ranges::none_of(data->notes, [](const LadderNote& n) {
            return n.text.startsWith(QStringLiteral("First response byte"));
        }));
    }

    void tlsHandshakeLabels() {
        const FileCapture loaded = load(tlsRefused().frames());
        const auto data = ladderWithMessages(loaded);
        QCOMPARE(messageText(*data, data->indexOfFrame(4)),
                 QStringLiteral("ClientHello sni=example.com alpn=h2"));
        QCOMPARE(messageText(*data, data->indexOfFrame(5)), QString());
        QCOMPARE(messageText(*data, data->indexOfFrame(7)),
                 QStringLiteral("Alert fatal handshake_failure"));
        const LadderLayout layout(data, options());
        const QString text = ladderText(layout, 0, data->packetCount(), LadderTextFormat::Text);
        QCOMPARE(text.count(QStringLiteral("| ClientHello sni=example.com alpn=h2")), 1);
        QCOMPARE(text.count(QStringLiteral("| Alert fatal handshake_failure")), 1);
        const QString mermaid =
            ladderText(layout, 0, data->packetCount(), LadderTextFormat::Mermaid);
        QCOMPARE(mermaid.count(QStringLiteral("ClientHello sni=example.com alpn=h2")), 1);
    }

    void packetDetailsShowTheMessagesFields() {
        const FileCapture loaded = load(keepAlive().frames());
        ConnectionViewState state;
        PacketDetailsPane pane(&state);
        state.setCapture(loaded.capture);
        state.setConnection(0);
        const auto middle = static_cast<qint64>(loaded.capture->packets.packetCount(0) > 4 ? 4 : 0);
        state.setSelectedPacket(middle); // frame 5, the request's middle segment
        QVERIFY(!pane.text().contains(QStringLiteral("HTTP request")));
        state.setMessages(readPlaced(*loaded.capture));
        const QString text = pane.text();
        QVERIFY2(text.contains(QStringLiteral("HTTP request / Message: GET /api/orders")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("HTTP request / host: shop.example")));
        QVERIFY(text.contains(QStringLiteral("HTTP request / Frames: #4–#6")));
        QVERIFY(!text.contains(QStringLiteral("HTTP response")));
        // The response's first segment: its fields and the server's think time.
        state.setSelectedPacket(6);
        const QString response = pane.text();
        QVERIFY(response.contains(QStringLiteral("HTTP response / code: 200")));
        QVERIFY(response.contains(QStringLiteral("HTTP response / Server think time: %1")
                                      .arg(formatDuration(1040 * kMs))));
        QVERIFY(!response.contains(QStringLiteral("HTTP request")));
    }

    void workerDropsStaleResults() {
        Conversation other("10.0.0.7", 40000, "10.0.0.9", 443, Dialogue::kStart + 5000 * kMs);
        other.handshake(kMs, kMs).clientSends(kMs, 100);
        const FileCapture loaded = load(mergeByTime({keepAlive().frames(), other.frames()}));
        QCOMPARE(loaded.capture->connections.size(), 2u);
        ConnectionViewState state;
        state.setCapture(loaded.capture);
        ConnectionMessagesJob job(&state);
        QSemaphore release;
        std::atomic<int> reads = 0;
        job.setReadFunction([&](const LoadedCapture& capture, std::uint32_t connection) {
            // The first read is still running when the reader moves on.
            if (++reads == 1 && connection == 0)
                release.acquire();
            return readConnectionMessages(capture, connection);
        });
        QSignalSpy ready(&job, &ConnectionMessagesJob::messagesReady);
        state.setConnection(0);
        QTRY_COMPARE(reads.load(), 1);
        state.setConnection(1);
        release.release();
        QVERIFY(job.waitForIdle(5000));
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(reads.load(), 2);
        const auto delivered = ready.at(0).at(0).value<std::shared_ptr<const LadderMessages>>();
        QCOMPARE(delivered->connection, 1u);
        QVERIFY(state.messages());
        QCOMPARE(state.messages()->connection, 1u);
        // Delivered after the selection moved on, it is refused.
        state.setConnection(0);
        state.setMessages(delivered);
        QVERIFY(!state.messages());
        QVERIFY(job.waitForIdle(5000));
    }

    void ladderPaintsFirstThenTakesTheMessages() {
        const FileCapture loaded = load(keepAlive().frames());
        ConnectionViewState state;
        ConnectionMessagesJob job(&state);
        LadderView view(&state);
        view.resize(1000, 700);
        state.setCapture(loaded.capture);
        state.setConnection(0);
        QVERIFY(view.ladderLayout());
        QVERIFY(!view.ladderLayout()->data().messages); // drawn at once, without them
        QTRY_VERIFY(view.ladderLayout()->data().messages);
        QCOMPARE(messageText(view.ladderLayout()->data(), 3), QStringLiteral("GET /api/orders"));
    }
};

QTEST_MAIN(TestLadderMessages)
#include "test_ladder_messages.moc"
