#include "decode/ip_reassembly.h"

#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>

using namespace tcpladder;

namespace {

IpReassembler::Key key(std::uint32_t id) {
    IpReassembler::Key key;
    key.src.bytes = {10, 0, 0, 1};
    key.dst.bytes = {10, 0, 0, 2};
    key.id = id;
    key.protocol = 6;
    return key;
}

std::vector<std::uint8_t> pattern(std::size_t length) {
    std::vector<std::uint8_t> bytes(length);
    for (std::size_t i = 0; i < length; ++i)
        bytes[i] = static_cast<std::uint8_t>(i * 7 + i / 251);
    return bytes;
}

struct Piece {
    std::uint32_t offset;
    std::uint32_t length;
};

// Cuts `total` bytes into pieces of `size` (the last one shorter).
std::vector<Piece> cut(std::uint32_t total, std::uint32_t size) {
    std::vector<Piece> pieces;
    for (std::uint32_t offset = 0; offset < total; offset += size)
        pieces.push_back({offset, std::min(size, total - offset)});
    return pieces;
}

// Feeds the pieces in the given order; returns the datagram the last one
// completed, or an empty vector when none did (or one completed early).
std::vector<std::uint8_t> feed(IpReassembler& reassembler, std::uint32_t id,
                               const std::vector<std::uint8_t>& datagram,
                               const std::vector<Piece>& pieces) {
    const auto total = static_cast<std::uint32_t>(datagram.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& piece = pieces[i];
        const bool more = piece.offset + piece.length < total;
        const auto* whole = reassembler.add(key(id), piece.offset, more,
                                            datagram.data() + piece.offset, piece.length);
        if (whole)
            return i + 1 == pieces.size() ? *whole : std::vector<std::uint8_t>{};
    }
    return {};
}

} // namespace

class TestIpReassembly : public QObject {
    Q_OBJECT

private slots:
    void reassemblesInAnyOrder_data() {
        QTest::addColumn<QString>("order");
        QTest::addColumn<int>("pieceSize");
        QTest::newRow("in order") << "forward" << 64;
        QTest::newRow("last piece first") << "backward" << 64;
        QTest::newRow("shuffled, 8-byte pieces") << "shuffled" << 8;
        QTest::newRow("shuffled, odd sizes") << "shuffled" << 24;
        QTest::newRow("every piece twice, shuffled") << "duplicated" << 16;
    }
    void reassemblesInAnyOrder() {
        QFETCH(QString, order);
        QFETCH(int, pieceSize);
        const auto datagram = pattern(3000);
        auto pieces = cut(3000, static_cast<std::uint32_t>(pieceSize));
        std::mt19937 random(12);
        if (order == "backward")
            std::reverse(pieces.begin(), pieces.end());
        if (order == "duplicated") {
            const auto copy = pieces;
            pieces.insert(pieces.end(), copy.begin(), copy.end() - 1);
        }
        if (order == "shuffled" || order == "duplicated")
            std::shuffle(pieces.begin(), pieces.end() - (order == "duplicated" ? 0 : 1), random);
        if (order == "duplicated") {
            // The piece that brings the last missing offset completes it: end there.
            std::size_t lastNew = 0;
            std::vector<std::uint32_t> offsets;
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                if (std::find(offsets.begin(), offsets.end(), pieces[i].offset) == offsets.end()) {
                    offsets.push_back(pieces[i].offset);
                    lastNew = i;
                }
            }
            pieces.resize(lastNew + 1);
        }
        IpReassembler reassembler;
        QCOMPARE(feed(reassembler, 1, datagram, pieces), datagram);
        QCOMPARE(reassembler.pendingDatagrams(), std::size_t{0});
        QCOMPARE(reassembler.bufferedBytes(), std::size_t{0});
    }

    // Wireshark's rule as we had it: every received byte range must join the
    // block that starts at 0, even ranges past the end the last piece names.
    void aGapAnywhereKeepsItIncomplete() {
        const auto datagram = pattern(200);
        IpReassembler reassembler;
        QVERIFY(!reassembler.add(key(3), 150, true, datagram.data() + 150, 50));
        QVERIFY(!reassembler.add(key(3), 0, true, datagram.data(), 80));
        QVERIFY(!reassembler.add(key(3), 80, false, datagram.data() + 80, 20));
        const auto* whole = reassembler.add(key(3), 100, true, datagram.data() + 100, 50);
        QVERIFY(whole);
        QCOMPARE(whole->size(), std::size_t{100});
        QVERIFY(std::equal(whole->begin(), whole->end(), datagram.begin()));
    }

    void anEmptyPieceBeyondTheDataIsAGap() {
        const auto datagram = pattern(64);
        IpReassembler reassembler;
        QVERIFY(!reassembler.add(key(4), 200, true, datagram.data(), 0));
        QVERIFY(!reassembler.add(key(4), 0, false, datagram.data(), 64));
        QCOMPARE(reassembler.pendingDatagrams(), std::size_t{1});
    }

    // Defect 1 of issue 12: each new piece re-sorted every range received so
    // far (4,096 pieces in random order: 6.9 million range visits). The work
    // now stays within a few visits a piece, whatever the order.
    void piecesInRandomOrderCostLinearWork_data() {
        QTest::addColumn<int>("pieces");
        QTest::newRow("1,024 pieces") << 1024;
        QTest::newRow("4,096 pieces") << 4096;
    }
    void piecesInRandomOrderCostLinearWork() {
        QFETCH(int, pieces);
        const auto total = static_cast<std::uint32_t>(pieces) * 8;
        const auto datagram = pattern(total);
        auto order = cut(total, 8);
        std::mt19937 random(7);
        std::shuffle(order.begin(), order.end(), random);
        IpReassembler reassembler;
        QCOMPARE(feed(reassembler, 2, datagram, order), datagram);
        const double visitsPerPiece = static_cast<double>(reassembler.rangeVisits()) / pieces;
        QVERIFY2(visitsPerPiece <= 3.0, qPrintable(QString::number(visitsPerPiece)));
    }

    // Defect 2 of issue 12: empty pieces counted nothing against the budget,
    // so a flood of them was held for ever. Each is now charged, and the
    // oldest datagrams make room.
    void emptyPiecesCountAgainstTheBudget() {
        constexpr std::size_t kBudget = 64 * 1024;
        IpReassembler reassembler(kBudget);
        const std::uint8_t nothing = 0;
        for (std::uint32_t id = 0; id < 10'000; ++id) {
            QVERIFY(!reassembler.add(key(id), 0, true, &nothing, 0));
            QVERIFY2(reassembler.bufferedBytes() <= kBudget,
                     qPrintable(QString::number(reassembler.bufferedBytes())));
        }
        QVERIFY(reassembler.evictedDatagrams() > 0);
        QCOMPARE(reassembler.pendingDatagrams() + reassembler.evictedDatagrams(),
                 std::size_t{10'000});
        QVERIFY(reassembler.pendingDatagrams() * IpReassembler::kDatagramOverhead <= kBudget);
        // The oldest went first; the newest is still there to complete.
        const auto tail = pattern(8);
        QVERIFY(reassembler.add(key(9'999), 0, false, tail.data(), 8));
    }

    // Many pieces of one datagram are charged one by one, even when they
    // overlap and add no new bytes.
    void repeatedPiecesOfOneDatagramAreCharged() {
        IpReassembler reassembler;
        const auto bytes = pattern(16);
        QVERIFY(!reassembler.add(key(5), 16, true, bytes.data(), 16));
        const std::size_t one = reassembler.bufferedBytes();
        for (int i = 0; i < 100; ++i)
            QVERIFY(!reassembler.add(key(5), 16, true, bytes.data(), 16));
        QCOMPARE(reassembler.bufferedBytes(), one + 100 * IpReassembler::kFragmentOverhead);
    }
};

QTEST_APPLESS_MAIN(TestIpReassembly)
#include "test_ip_reassembly.moc"
