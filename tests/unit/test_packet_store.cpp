#include "store/packet_store.h"

#include <QtTest>

using namespace tcpladder;

namespace {

PacketRecord record(std::uint64_t frame, Side side) {
    PacketRecord::Fields fields;
    fields.time = static_cast<TimeNs>(frame) * 1000 - 5'000'000'000'000;
    fields.frame = frame;
    fields.fileOffset = 0x123456789ABull + frame;
    fields.side = side;
    fields.relativeSeq = static_cast<std::uint32_t>(frame * 7);
    fields.relativeAck = 0xFFFFFFF0u;
    fields.payloadLength = 70000 + static_cast<std::uint32_t>(frame);
    fields.rawWindow = 0xFFFF;
    fields.windowShift = frame % 2 == 0 ? 14 : -1;
    fields.flags = 0x18;
    fields.analysis = 0x7FF;
    return PacketRecord(fields);
}

} // namespace

class TestPacketStore : public QObject {
    Q_OBJECT

private slots:
    void recordKeepsEveryField() {
        const PacketRecord r = record(0x7FFFFFFF, kSideB);
        QCOMPARE(r.frame(), std::uint64_t{0x7FFFFFFF});
        QCOMPARE(r.side(), kSideB);
        QCOMPARE(r.time(), TimeNs{0x7FFFFFFF} * 1000 - 5'000'000'000'000);
        QCOMPARE(r.fileOffset(), 0x123456789ABull + 0x7FFFFFFF);
        QCOMPARE(r.relativeAck(), 0xFFFFFFF0u);
        QCOMPARE(r.rawWindow(), std::uint16_t{0xFFFF});
        QVERIFY(!r.windowScaled());
        QCOMPARE(r.window(), 0xFFFFu);
        const PacketRecord scaled = record(2, kSideA);
        QVERIFY(scaled.windowScaled());
        QCOMPARE(scaled.window(), 0xFFFFu << 14);
        QCOMPARE(scaled.analysis(), std::uint16_t{0x7FF});
        QCOMPARE(r.analysis(), std::uint16_t{0x7FF});
        QCOMPARE(r.flags(), std::uint8_t{0x18});
    }

    // Interleaved connections of very different lengths, as in a real capture:
    // every packet comes back in order, by index and chunk by chunk.
    void interleavedConnectionsComeBackInOrder_data() {
        QTest::addColumn<int>("connections");
        QTest::addColumn<int>("packets");
        QTest::newRow("one packet each") << 50 << 50;
        QTest::newRow("a few connections") << 3 << 1000;
        QTest::newRow("across several slabs") << 7 << 200000;
    }

    void interleavedConnectionsComeBackInOrder() {
        QFETCH(int, connections);
        QFETCH(int, packets);
        PacketStore store;
        std::vector<std::vector<std::uint64_t>> expected(static_cast<std::size_t>(connections));
        for (int i = 0; i < packets; ++i) {
            // Connection c gets about 2^c times the packets of connection 0.
            const auto c = static_cast<std::uint32_t>(
                std::min(connections - 1, std::countr_zero(static_cast<unsigned>(i + 1))));
            const auto frame = static_cast<std::uint64_t>(i + 1);
            store.append(c, record(frame, c % 2 ? kSideB : kSideA));
            expected[c].push_back(frame);
        }
        QCOMPARE(store.totalPackets(), std::size_t(packets));
        for (std::uint32_t c = 0; c < expected.size(); ++c) {
            QCOMPARE(store.packetCount(c), expected[c].size());
            for (std::size_t i = 0; i < expected[c].size(); ++i)
                QCOMPARE(store.at(c, i).frame(), expected[c][i]);
            std::vector<std::uint64_t> chunked;
            store.forEachChunk(c, [&](const PacketRecord* begin, std::size_t count) {
                for (std::size_t i = 0; i < count; ++i)
                    chunked.push_back(begin[i].frame());
            });
            QCOMPARE(chunked, expected[c]);
        }
        QCOMPARE(store.packetCount(static_cast<std::uint32_t>(connections) + 5), std::size_t{0});
    }

    // The budget: about 36 bytes a packet once connections are long.
    void memoryStaysNearTheRecordSize() {
        PacketStore store;
        for (std::uint64_t i = 0; i < 1'000'000; ++i)
            store.append(static_cast<std::uint32_t>(i % 1000), record(i + 1, kSideA));
        const double perPacket = static_cast<double>(store.memoryBytes()) / 1e6;
        QVERIFY2(perPacket < 40.0, qPrintable(QString::number(perPacket)));
    }
};

QTEST_APPLESS_MAIN(TestPacketStore)
#include "test_packet_store.moc"
