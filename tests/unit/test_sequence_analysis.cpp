#include "tcp/sequence_analysis.h"

#include <QtTest>
#include <string>
#include <vector>

using namespace tcpladder;

namespace {

// One segment of a scenario. Side A ('c') sends first; times are in
// milliseconds from an arbitrary non-zero origin.
struct Step {
    char from = 'c';
    std::int64_t ms = 0;
    const char* flags = "A";
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint32_t len = 0;
    std::uint16_t window = 65535;
    const char* expect = "-"; // events, or "seq/ack/window" in the numbers test
    std::int8_t windowScale = -1;
};
using Scenario = std::vector<Step>;

std::uint8_t flagBits(const char* letters) {
    std::uint8_t bits = 0;
    for (const char* c = letters; *c; ++c) {
        switch (*c) {
        case 'F':
            bits |= kFin;
            break;
        case 'S':
            bits |= kSyn;
            break;
        case 'R':
            bits |= kRst;
            break;
        case 'P':
            bits |= kPsh;
            break;
        case 'A':
            bits |= kAck;
            break;
        }
    }
    return bits;
}

TcpSegment segmentOf(const Step& step) {
    TcpSegment segment;
    segment.srcPort = step.from == 'c' ? 40000 : 80;
    segment.dstPort = step.from == 'c' ? 80 : 40000;
    segment.seq = step.seq;
    segment.ack = step.ack;
    segment.flags = flagBits(step.flags);
    segment.window = step.window;
    segment.payloadLength = step.len;
    segment.options.windowScale = step.windowScale;
    return segment;
}

TimeNs timeOf(const Step& step) {
    return 1'000'000'000'000 + step.ms * 1'000'000;
}

Side sideOf(const Step& step) {
    return step.from == 'c' ? kSideA : kSideB;
}

QString words(std::uint16_t events) {
    static const std::pair<std::uint16_t, const char*> kWords[] = {
        {kEvAckLostSegment, "ack-lost-segment"},
        {kEvDupAck, "dup-ack"},
        {kEvFastRetransmission, "fast-retransmission"},
        {kEvKeepAlive, "keep-alive"},
        {kEvKeepAliveAck, "keep-alive-ack"},
        {kEvLostSegment, "lost-segment"},
        {kEvOutOfOrder, "out-of-order"},
        {kEvRetransmission, "retransmission"},
        {kEvSpuriousRetransmission, "spurious-retransmission"},
        {kEvWindowFull, "window-full"},
        {kEvWindowUpdate, "window-update"},
        {kEvZeroWindow, "zero-window"},
        {kEvZeroWindowProbe, "zero-window-probe"},
        {kEvZeroWindowProbeAck, "zero-window-probe-ack"},
    };
    QStringList list;
    for (const auto& [bit, word] : kWords) {
        if (events & bit) {
            list << word;
        }
    }
    return list.isEmpty() ? QStringLiteral("-") : list.join(',');
}

// Client ISN 1000, server ISN 5000, handshake RTT 20 ms.
Scenario handshake(std::uint16_t clientWindow = 65535, std::uint16_t serverWindow = 65535) {
    return {
        {'c', 0, "S", 1000, 0, 0, clientWindow},
        {'s', 10, "SA", 5000, 1001, 0, serverWindow},
        {'c', 20, "A", 1001, 5001, 0, clientWindow},
    };
}

Scenario operator+(Scenario head, const Scenario& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestSequenceAnalysis : public QObject {
    Q_OBJECT

private slots:
    void marksSegmentsAsWiresharkDoes_data() {
        QTest::addColumn<Scenario>("scenario");

        QTest::newRow("clean handshake and data")
            << handshake() + Scenario{{'c', 21, "PA", 1001, 5001, 100}, {'s', 31, "A", 5001, 1101}};
        QTest::newRow("gap before a segment")
            << handshake() + Scenario{{'c', 100, "PA", 1001, 5001, 100},
                                      {'c', 101, "PA", 1201, 5001, 100, 65535, "lost-segment"}};
        QTest::newRow("ack of an unseen segment is reported once")
            << handshake() + Scenario{{'c', 100, "PA", 1001, 5001, 100},
                                      {'s', 110, "A", 5001, 1201, 0, 65535, "ack-lost-segment"},
                                      {'s', 111, "A", 5001, 1201, 0, 65535, "dup-ack"}};
        QTest::newRow("resent after a timeout")
            << handshake() + Scenario{{'c', 100, "PA", 1001, 5001, 100},
                                      {'c', 1100, "PA", 1001, 5001, 100, 65535, "retransmission"}};
        QTest::newRow("older segment within the handshake rtt")
            << handshake() + Scenario{{'c', 100, "PA", 1101, 5001, 100, 65535, "lost-segment"},
                                      {'c', 101, "PA", 1001, 5001, 100, 65535, "out-of-order"}};
        QTest::newRow("resent after two dup-acks")
            << handshake() +
                   Scenario{{'c', 100, "PA", 1001, 5001, 100},
                            {'c', 102, "PA", 1201, 5001, 100, 65535, "lost-segment"},
                            {'s', 110, "A", 5001, 1101},
                            {'s', 111, "A", 5001, 1101, 0, 65535, "dup-ack"},
                            {'s', 112, "A", 5001, 1101, 0, 65535, "dup-ack"},
                            {'c', 113, "PA", 1101, 5001, 100, 65535, "fast-retransmission"}};
        QTest::newRow("resent data the peer had acknowledged")
            << handshake() +
                   Scenario{{'c', 100, "PA", 1001, 5001, 100},
                            {'s', 110, "A", 5001, 1101},
                            {'c', 500, "PA", 1001, 5001, 100, 65535, "spurious-retransmission"}};
        QTest::newRow("spurious wins over out-of-order")
            << handshake() +
                   Scenario{{'c', 100, "PA", 1001, 5001, 10},
                            {'c', 100, "PA", 1011, 5001, 10},
                            {'s', 100, "A", 5001, 1021},
                            {'c', 100, "PA", 1001, 5001, 10, 65535, "spurious-retransmission"}};
        QTest::newRow("keep-alive and its ack")
            << handshake() + Scenario{{'c', 100, "PA", 1001, 5001, 100},
                                      {'s', 110, "A", 5001, 1101},
                                      {'c', 5000, "A", 1100, 5001, 0, 65535, "keep-alive"},
                                      {'s', 5010, "A", 5001, 1101, 0, 65535, "keep-alive-ack"}};
        QTest::newRow("zero window, probe, probe ack, window update")
            << handshake() +
                   Scenario{{'c', 100, "PA", 1001, 5001, 100},
                            {'s', 110, "A", 5001, 1101, 0, 0, "zero-window"},
                            {'c', 300, "PA", 1101, 5001, 1, 65535, "zero-window-probe"},
                            {'s', 310, "A", 5001, 1101, 0, 0, "zero-window,zero-window-probe-ack"},
                            {'s', 400, "A", 5001, 1101, 0, 8000, "window-update"},
                            {'c', 410, "PA", 1101, 5001, 100}};
        QTest::newRow("data up to the peer's window edge")
            << handshake(65535, 200) +
                   Scenario{{'c', 100, "PA", 1001, 5001, 200, 65535, "window-full"}};
        QTest::newRow("window full measured against the unscaled SYN+ACK window")
            << Scenario{{'c', 0, "S", 1000, 0, 0, 65535, "-", 7},
                        {'s', 10, "SA", 5000, 1001, 0, 100, "-", 7},
                        {'c', 20, "A", 1001, 5001, 0, 512},
                        {'c', 30, "PA", 1001, 5001, 100, 512, "window-full"}};
        QTest::newRow("new data overlapping the last byte is not a resend")
            << handshake() +
                   Scenario{{'c', 100, "PA", 1001, 5001, 10}, {'c', 200, "PA", 1010, 5001, 5}};
        QTest::newRow("repeated SYN rewinds what a reset overstated")
            << handshake() + Scenario{{'c', 100, "PA", 1001, 5001, 10},
                                      {'c', 200, "PA", 1021, 5001, 10, 65535, "lost-segment"},
                                      {'c', 300, "R", 1031, 5001, 0, 0},
                                      {'c', 400, "S", 1000, 0, 0, 65535, "retransmission"},
                                      {'c', 500, "PA", 1011, 5001, 10}};
        QTest::newRow("SYN sent again") << Scenario{
            {'c', 0, "S", 1000, 0}, {'c', 1000, "S", 1000, 0, 0, 65535, "retransmission"}};
        QTest::newRow("FIN sent again")
            << handshake() + Scenario{{'c', 100, "FA", 1001, 5001},
                                      {'c', 400, "FA", 1001, 5001, 0, 65535, "retransmission"}};
        QTest::newRow("sequence numbers wrap")
            << Scenario{{'c', 0, "S", 0xFFFFFFF0u, 0},
                        {'s', 10, "SA", 5000, 0xFFFFFFF1u},
                        {'c', 20, "PA", 0xFFFFFFF1u, 5001, 100},
                        {'c', 21, "PA", 0x55u, 5001, 100},
                        {'s', 30, "A", 5001, 0xB9u},
                        {'c', 2000, "PA", 0x55u, 5001, 100, 65535, "spurious-retransmission"}};
    }

    void marksSegmentsAsWiresharkDoes() {
        QFETCH(Scenario, scenario);
        SequenceAnalysis analysis;
        for (std::size_t i = 0; i < scenario.size(); ++i) {
            const Step& step = scenario[i];
            const SegmentAnalysis result =
                analysis.add(sideOf(step), segmentOf(step), timeOf(step));
            QVERIFY2(words(result.events) == QLatin1String(step.expect),
                     qPrintable(QStringLiteral("step %1: got %2, want %3")
                                    .arg(i + 1)
                                    .arg(words(result.events), step.expect)));
        }
    }

    void relativeNumbersAndWindow_data() {
        QTest::addColumn<Scenario>("scenario");

        // `expect` holds "relative seq/relative ack/window".
        QTest::newRow("handshake") << Scenario{{'c', 0, "S", 1000, 0, 0, 1000, "0/0/1000"},
                                               {'s', 10, "SA", 5000, 1001, 0, 2000, "0/1/2000"},
                                               {'c', 20, "A", 1001, 5001, 0, 3000, "1/1/3000"}};
        QTest::newRow("mid-stream capture starts at 1")
            << Scenario{{'c', 0, "PA", 7000, 9000, 100, 100, "1/1/100"},
                        {'s', 10, "A", 9000, 7100, 0, 100, "1/101/100"}};
        QTest::newRow("the peer's first ack sets the base")
            << Scenario{{'c', 0, "A", 7000, 9000, 0, 100, "1/1/100"},
                        {'s', 10, "PA", 9000, 7000, 10, 100, "1/1/100"}};
        QTest::newRow("numbers wrap modulo 2^32")
            << Scenario{{'c', 0, "S", 0xFFFFFFF0u, 0, 0, 100, "0/0/100"},
                        {'c', 10, "P", 0x55u, 0, 0, 100, "101/0/100"}};
        QTest::newRow("ack is 0 when the flag is clear")
            << Scenario{{'c', 0, "S", 1000, 0, 0, 100, "0/0/100"},
                        {'s', 10, "SA", 5000, 1001, 0, 100, "0/1/100"},
                        {'c', 20, "R", 1001, 5001, 0, 0, "1/0/0"}};
        QTest::newRow("both SYNs scale")
            << Scenario{{'c', 0, "S", 1000, 0, 0, 1000, "0/0/1000", 2},
                        {'s', 10, "SA", 5000, 1001, 0, 2000, "0/1/2000", 3},
                        {'c', 20, "A", 1001, 5001, 0, 100, "1/1/400"},
                        {'s', 30, "A", 5001, 1001, 0, 100, "1/1/800"}};
        QTest::newRow("SYN+ACK without the option")
            << Scenario{{'c', 0, "S", 1000, 0, 0, 1000, "0/0/1000", 2},
                        {'s', 10, "SA", 5000, 1001, 0, 2000, "0/1/2000"},
                        {'c', 20, "A", 1001, 5001, 0, 100, "1/1/100"},
                        {'s', 30, "A", 5001, 1001, 0, 100, "1/1/100"}};
        QTest::newRow("SYN without the option")
            << Scenario{{'c', 0, "S", 1000, 0, 0, 1000, "0/0/1000"},
                        {'s', 10, "SA", 5000, 1001, 0, 2000, "0/1/2000", 3},
                        {'s', 30, "A", 5001, 1001, 0, 100, "1/1/100"}};
        QTest::newRow("shift above 14 counts as 14")
            << Scenario{{'c', 0, "S", 1000, 0, 0, 1000, "0/0/1000", 20},
                        {'s', 10, "SA", 5000, 1001, 0, 2000, "0/1/2000", 14},
                        {'c', 20, "A", 1001, 5001, 0, 1, "1/1/16384"}};
        QTest::newRow("only the SYN+ACK seen")
            << Scenario{{'s', 0, "SA", 5000, 1001, 0, 100, "0/1/100", 7},
                        {'c', 10, "A", 1001, 5001, 0, 512, "1/1/512"},
                        {'s', 20, "A", 5001, 1001, 0, 100, "1/1/12800"}};
        QTest::newRow("option on a data segment applies from the next one")
            << Scenario{{'c', 0, "A", 1000, 5001, 0, 100, "1/1/100"},
                        {'c', 10, "A", 1000, 5001, 0, 100, "1/1/100", 3},
                        {'c', 20, "A", 1000, 5001, 0, 100, "1/1/800"}};
        QTest::newRow("SYN+ACK with a new ISN rebases its sender")
            << Scenario{{'c', 0, "S", 1000, 0, 0, 100, "0/0/100"},
                        {'s', 10, "SA", 5000, 1001, 0, 100, "0/1/100"},
                        {'s', 20, "SA", 9000, 1001, 0, 100, "0/1/100"},
                        {'s', 30, "A", 9001, 1001, 0, 100, "1/1/100"}};
    }

    void relativeNumbersAndWindow() {
        QFETCH(Scenario, scenario);
        SequenceAnalysis analysis;
        for (std::size_t i = 0; i < scenario.size(); ++i) {
            const Step& step = scenario[i];
            const SegmentAnalysis result =
                analysis.add(sideOf(step), segmentOf(step), timeOf(step));
            const QString got = QStringLiteral("%1/%2/%3")
                                    .arg(result.relativeSeq)
                                    .arg(result.relativeAck)
                                    .arg(result.window);
            QVERIFY2(
                got == QLatin1String(step.expect),
                qPrintable(
                    QStringLiteral("step %1: got %2, want %3").arg(i + 1).arg(got, step.expect)));
        }
    }

    void newConnectionOnlyOnASynWithANewIsn_data() {
        QTest::addColumn<Scenario>("before");
        QTest::addColumn<QString>("flags");
        QTest::addColumn<char>("from");
        QTest::addColumn<uint>("seq");
        QTest::addColumn<bool>("startsNew");

        QTest::newRow("SYN with a new ISN after a close")
            << handshake() + Scenario{{'c', 100, "FA", 1001, 5001}} << "S" << 'c' << 3000u << true;
        QTest::newRow("SYN with a new ISN and no close")
            << handshake() << "S" << 'c' << 3000u << true;
        QTest::newRow("SYN repeating the ISN") << handshake() << "S" << 'c' << 1000u << false;
        QTest::newRow("SYN+ACK with a new ISN") << handshake() << "SA" << 's' << 9000u << false;
        QTest::newRow("first SYN of a side the peer acknowledged")
            << Scenario{{'s', 0, "A", 5001, 1001}} << "S" << 'c' << 1000u << false;
        QTest::newRow("SYN other than the peer's acknowledgement implies")
            << Scenario{{'s', 0, "A", 5001, 1001}} << "S" << 'c' << 3000u << true;
        QTest::newRow("first SYN of a side never seen")
            << Scenario{{'s', 0, "P", 5001, 0, 10}} << "S" << 'c' << 3000u << false;
    }

    void newConnectionOnlyOnASynWithANewIsn() {
        QFETCH(Scenario, before);
        QFETCH(QString, flags);
        QFETCH(char, from);
        QFETCH(uint, seq);
        QFETCH(bool, startsNew);
        SequenceAnalysis analysis;
        for (const Step& step : before) {
            analysis.add(sideOf(step), segmentOf(step), timeOf(step));
        }
        const std::string letters = flags.toStdString();
        Step syn{from, 1000, letters.c_str(), seq, from == 's' ? 1001u : 0u};
        QCOMPARE(analysis.startsNewConnection(sideOf(syn), segmentOf(syn)), startsNew);
    }
};

QTEST_APPLESS_MAIN(TestSequenceAnalysis)
#include "test_sequence_analysis.moc"
