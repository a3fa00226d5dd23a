#include "decode/tcp_segment.h"
#include "load/capture_loader.h"
#include "merge/merged_capture.h"
#include "merge/merged_view.h"
#include "merge/two_point_loader.h"
#include "support/capture_writer.h"
#include "support/conversation_builder.h"
#include "support/dialogue.h"
#include "support/packet_builder.h"
#include "support/two_point_scenario.h"
#include "tcp/analysis_flags.h"

#include <QtTest>

using namespace tcpladder;
using namespace tcpladder::test;

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kStart = 1'700'000'000'000'000'000;

std::shared_ptr<const LoadedCapture> load(const std::vector<Frame>& frames) {
    const std::vector<std::uint8_t> bytes = buildPcap(frames, {.nanosecond = true});
    auto loaded = loadCaptureFromMemory(bytes.data(), bytes.size());
    if (!loaded)
        qFatal("cannot load a built capture: %s", loaded.error().c_str());
    return loaded.value();
}

MergedCapture merge(const TwoPoints& points, const MergeOptions& options = {}) {
    auto merged = mergeCaptures(load(points.clientSide), load(points.serverSide), options);
    if (!merged)
        qFatal("merge failed: %s", merged.error().c_str());
    return std::move(merged.value());
}

// Handshake, a request, three response segments, a resend of the last one, the
// client's final ACK and FINs: frames 0-2 handshake, 3 request, 4-6 response,
// 7 resend of 6, 8 a second request, 9-10 FINs.
Conversation transfer(const std::string& client, std::uint16_t port, std::uint32_t clientIsn,
                      std::uint32_t serverIsn, std::int64_t start = kStart) {
    Conversation c(client, port, "10.0.0.9", 443, start);
    c.isns(clientIsn, serverIsn)
        .handshake(8 * kMs, 1 * kMs)
        .clientSends(1 * kMs, 300)
        .serverSends(9 * kMs, 1000)
        .serverSends(1 * kMs, 1000)
        .serverSends(1 * kMs, 1000)
        .serverRetransmits(40 * kMs)
        .clientSends(5 * kMs, 200)
        .clientFin(50 * kMs)
        .serverFin(8 * kMs);
    return c;
}

const TimeNs kOffset = 1'234'567'891; // the server-side clock runs 1.23 s ahead

TwoPointPath path() {
    return {.clientAddress = "10.0.0.5",
            .clientToServer = 3 * kMs,
            .serverToClient = 5 * kMs,
            .serverClockOffset = kOffset};
}

std::vector<const MergedPacket*> withFate(const MergedConnection& c, PacketFate fate) {
    std::vector<const MergedPacket*> found;
    for (const MergedPacket& p : c.packets)
        if (p.fate == fate)
            found.push_back(&p);
    return found;
}

// Every figure and every packet of two merges, side by side.
void compareMerges(const MergedCapture& a, const MergedCapture& b) {
    QCOMPARE(a.offset.estimate, b.offset.estimate);
    QCOMPARE(a.offset.lowerBound, b.offset.lowerBound);
    QCOMPARE(a.offset.upperBound, b.offset.upperBound);
    QCOMPARE(a.notes, b.notes);
    QCOMPARE(a.connections.size(), b.connections.size());
    for (std::size_t i = 0; i < a.connections.size(); ++i) {
        const MergedConnection& x = a.connections[i];
        const MergedConnection& y = b.connections[i];
        QCOMPARE(x.connection, y.connection);
        QCOMPARE(x.method, y.method);
        QCOMPARE(x.clientPoint, y.clientPoint);
        QCOMPARE(x.lostBetween, y.lostBetween);
        QCOMPARE(x.onlyAtReceiver, y.onlyAtReceiver);
        QCOMPARE(x.firstTime, y.firstTime);
        for (const Side side : {kSideA, kSideB}) {
            QCOMPARE(x.oneWayDelay[side].samples, y.oneWayDelay[side].samples);
            QCOMPARE(x.oneWayDelay[side].min, y.oneWayDelay[side].min);
            QCOMPARE(x.oneWayDelay[side].median, y.oneWayDelay[side].median);
            QCOMPARE(x.oneWayDelay[side].p99, y.oneWayDelay[side].p99);
        }
        QCOMPARE(x.packets.size(), y.packets.size());
        for (std::size_t k = 0; k < x.packets.size(); ++k) {
            QCOMPARE(x.packets[k].index, y.packets[k].index);
            QCOMPARE(x.packets[k].time, y.packets[k].time);
            QCOMPARE(x.packets[k].sender, y.packets[k].sender);
            QCOMPARE(x.packets[k].fate, y.packets[k].fate);
            QCOMPARE(x.packets[k].oneSidedDisagrees, y.packets[k].oneSidedDisagrees);
        }
    }
}

std::size_t frameAt(const std::vector<Frame>& frames, std::int64_t ms) {
    for (std::size_t i = 0; i < frames.size(); ++i)
        if (frames[i].timestampNs == Dialogue::kStart + ms * kMs)
            return i;
    qFatal("no frame at %lld ms", static_cast<long long>(ms));
}

// A run of identical dup-ACKs seen at both points, built packet by packet:
// the handshake, two response segments, then `copies` identical ACKs from
// the client 1 ms apart (the first acknowledges the data, the rest repeat
// it), one of which never reaches the server-side point. Copy 5 is held up
// by 1 ms on the way and reaches the server side when the lost copy 6 would
// have: a delay alignment alone pairs it with copy 6 and names copy 5 lost.
struct DupAckRun {
    bool ipv6 = false;
    bool distinctIds = true; // else every IPv4 ID is 0 with DF set, as Linux sends them
    bool timestamps = false; // TSval from a 1 ms clock
    int lost = 6;
};

struct DupAckPoints {
    TwoPoints points;
    std::vector<std::uint64_t> copyFrames; // each copy's frame at the client-side point
};

DupAckPoints dupAckRun(const DupAckRun& run) {
    constexpr int kCopies = 12;
    constexpr std::int64_t kUs = 1000;
    // Jitter of each copy's delay; copy 5's makes it arrive when copy 6 would have.
    constexpr std::array<std::int64_t, kCopies> kJitter{0,         30 * kUs, -20 * kUs, 10 * kUs,
                                                        0,         1 * kMs,  0,         40 * kUs,
                                                        -30 * kUs, 0,        20 * kUs,  -10 * kUs};
    const std::string client = run.ipv6 ? "2001:db8::5" : "10.0.0.5";
    const std::string server = run.ipv6 ? "2001:db8::9" : "10.0.0.9";
    DupAckPoints result;
    std::uint16_t clientId = 1000;
    std::uint16_t serverId = 5000;
    struct Sent {
        std::int64_t at;
        bool fromClient;
        TcpSpec tcp;
        std::int64_t jitter = 0;
        bool lost = false;
    };
    std::vector<Sent> sent;
    const auto add = [&](std::int64_t at, bool fromClient, std::uint32_t seq, std::uint32_t ack,
                         std::uint8_t flags, std::uint32_t length) {
        TcpSpec tcp{.srcPort = static_cast<std::uint16_t>(fromClient ? 40001 : 443),
                    .dstPort = static_cast<std::uint16_t>(fromClient ? 443 : 40001),
                    .seq = seq,
                    .ack = ack,
                    .flags = flags,
                    .window = 5000,
                    .payloadLength = length};
        if (run.timestamps)
            tcp.options = timestampOption(static_cast<std::uint32_t>(900000 + at / kMs),
                                          static_cast<std::uint32_t>(700000 + at / kMs));
        sent.push_back({at, fromClient, tcp});
    };
    add(0, true, 11111, 0, kSyn, 0);
    add(10 * kMs, false, 77777, 11112, kSyn | kAck, 0);
    add(11 * kMs, true, 11112, 77778, kAck, 0);
    add(12 * kMs, false, 77778, 11112, kAck, 1000);
    add(13 * kMs, false, 79778, 11112, kAck, 1000); // a hole before it: the dup-ACKs' cause
    for (int k = 0; k < kCopies; ++k) {
        add(15 * kMs + k * kMs, true, 11112, 78778, kAck, 0);
        sent.back().jitter = kJitter[static_cast<std::size_t>(k)];
        sent.back().lost = k == run.lost;
    }
    add(40 * kMs, false, 78778, 11112, kAck, 1000);
    add(41 * kMs, true, 11112, 80778, kAck, 0);
    for (const Sent& packet : sent) {
        const Bytes segment = tcp(packet.tcp);
        const std::string& from = packet.fromClient ? client : server;
        const std::string& to = packet.fromClient ? server : client;
        Bytes frame;
        if (run.ipv6) {
            frame = ethernet(0x86DD, ipv6(from, to, kProtoTcp, segment));
        } else {
            std::uint16_t& id = packet.fromClient ? clientId : serverId;
            frame = ethernet(0x0800, ipv4(from, to, kProtoTcp, segment,
                                          {.id = run.distinctIds ? id++ : std::uint16_t{0}}));
            if (!run.distinctIds)
                frame[14 + 6] |= 0x40; // DF
        }
        const std::int64_t atClientSide = kStart + packet.at;
        const std::int64_t atServerSide =
            atClientSide + kOffset + (packet.fromClient ? 3 * kMs : -5 * kMs) + packet.jitter;
        if (packet.fromClient && packet.tcp.ack == 78778)
            result.copyFrames.push_back(result.points.clientSide.size() + 1);
        result.points.clientSide.push_back({.timestampNs = atClientSide, .bytes = frame});
        if (!packet.lost)
            result.points.serverSide.push_back({.timestampNs = atServerSide, .bytes = frame});
    }
    std::stable_sort(result.points.serverSide.begin(), result.points.serverSide.end(),
                     [](const Frame& a, const Frame& b) { return a.timestampNs < b.timestampNs; });
    return result;
}

// The two points written to files (so that the merge can re-read them) and merged.
MergedCapture mergeFiles(const TwoPoints& points) {
    const TemporaryFile clientSide(buildPcap(points.clientSide, {.nanosecond = true}));
    const TemporaryFile serverSide(buildPcap(points.serverSide, {.nanosecond = true}));
    auto merged =
        loadAndMergeCaptures(clientSide.path(), serverSide.path(), {}, {.knownOffset = kOffset});
    if (!merged)
        qFatal("merge failed: %s", merged.error().c_str());
    return std::move(merged.value());
}

// The frame, at the client-side point, of the one packet lost between the points.
std::uint64_t lostFrame(const MergedCapture& merged) {
    if (merged.connections.size() != 1)
        qFatal("expected one connection");
    const MergedConnection& c = merged.connections[0];
    const auto lost = withFate(c, PacketFate::LostBetween);
    if (lost.size() != 1)
        qFatal("expected one lost packet, found %zu", lost.size());
    return recordAt(merged, c, *lost[0], 0).frame();
}

} // namespace

class TestCaptureMerge : public QObject {
    Q_OBJECT

private slots:
    void sameConnectionAtBothPointsBoundsTheOffset() {
        const MergedCapture merged =
            merge(seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), path()));
        QCOMPARE(merged.connections.size(), 1u);
        const MergedConnection& c = merged.connections[0];
        QVERIFY(c.bothSides());
        QCOMPARE(c.method, MatchMethod::FourTupleAndIsn);
        QCOMPARE(c.clientPoint, 0);
        // The two-way bound: no faster than the fastest packet each way.
        QCOMPARE(merged.offset.upperBound, kOffset + 3 * kMs);
        QCOMPARE(merged.offset.lowerBound, kOffset - 5 * kMs);
        QCOMPARE(merged.offset.estimate, kOffset - 1 * kMs);
        QCOMPARE(merged.offset.uncertainty(), 4 * kMs);
        QVERIFY(!merged.offset.driftKnown);
        // The estimate splits the round trip evenly: 4 ms each way.
        const Side client = firstSeenConnection(merged, c).clientSide();
        QCOMPARE(c.oneWayDelay[client].min, 4 * kMs);
        QCOMPARE(c.oneWayDelay[1 - client].median, 4 * kMs);
        QCOMPARE(c.lostBetween[0] + c.lostBetween[1], 0u);
        QCOMPARE(withFate(c, PacketFate::SeenAtBoth).size(), c.packets.size());
    }

    void knownOffsetGivesTheTrueDelays() {
        const MergedCapture merged =
            merge(seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), path()),
                  {.knownOffset = kOffset});
        const MergedConnection& c = merged.connections[0];
        const Side client = firstSeenConnection(merged, c).clientSide();
        QVERIFY(merged.offset.userGiven);
        QCOMPARE(c.oneWayDelay[client].min, 3 * kMs);
        QCOMPARE(c.oneWayDelay[client].p99, 3 * kMs);
        QCOMPARE(c.oneWayDelay[1 - client].median, 5 * kMs);
        QVERIFY(merged.notes.empty());
    }

    void theOtherOrderPutsTheClientAtPointOne() {
        const TwoPoints points =
            seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), path());
        auto merged = mergeCaptures(load(points.serverSide), load(points.clientSide));
        QVERIFY(merged.ok());
        QCOMPARE(merged->connections[0].clientPoint, 1);
        QCOMPARE(merged->offset.lowerBound, -kOffset - 3 * kMs);
        QCOMPARE(merged->offset.upperBound, -kOffset + 5 * kMs);
    }

    void packetsLostBetweenThePointsEachWay() {
        TwoPointPath lossy = path();
        lossy.lostBetween = {6, 8}; // a response segment, and the second request
        const MergedCapture merged =
            merge(seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), lossy));
        const MergedConnection& c = merged.connections[0];
        const Side client = firstSeenConnection(merged, c).clientSide();
        const Side server = client == kSideA ? kSideB : kSideA;
        QCOMPARE(c.lostBetween[client], 1u);
        QCOMPARE(c.lostBetween[server], 1u);
        const auto lost = withFate(c, PacketFate::LostBetween);
        QCOMPARE(lost.size(), 2u);
        for (const MergedPacket* p : lost) {
            const int from = senderPoint(merged, c, p->sender);
            QVERIFY(p->seenAt(from));
            QVERIFY(!p->seenAt(1 - from));
        }
        // The resend of the lost response segment reached the client.
        const auto resent = withFate(c, PacketFate::ResentAfterLoss);
        QCOMPARE(resent.size(), 1u);
        QCOMPARE(resent[0]->sender, server);
        QCOMPARE(mergedRelativeSeq(merged, c, *resent[0]), 2001u);
        // The server side calls it a retransmission (Wireshark: seq below the
        // highest sent); the client side never saw the original, so the
        // one-sided analysis there has nothing to say and disagrees.
        QVERIFY(recordAt(merged, c, *resent[0], 1).analysis() & kRetransmission);
        QVERIFY(!(recordAt(merged, c, *resent[0], 0).analysis() & kAnyRetransmission));
        QVERIFY(resent[0]->oneSidedDisagrees);
        // The delays come only from packets that made it.
        QCOMPARE(c.oneWayDelay[client].samples + c.oneWayDelay[server].samples,
                 c.packets.size() - 2);
    }

    void aPacketSeenOnlyAtTheReceiverSide() {
        TwoPointPath path2 = path();
        path2.onlyAtReceiver = {3}; // the request, not seen where the client's side was captured
        const MergedCapture merged =
            merge(seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), path2));
        const MergedConnection& c = merged.connections[0];
        const Side client = firstSeenConnection(merged, c).clientSide();
        QCOMPARE(c.onlyAtReceiver[client], 1u);
        const auto only = withFate(c, PacketFate::OnlyAtReceiver);
        QCOMPARE(only.size(), 1u);
        QVERIFY(only[0]->seenAt(1) && !only[0]->seenAt(0));
        QCOMPARE(recordAt(merged, c, *only[0], 1).payloadLength(), 300u);
        QCOMPARE(c.lostBetween[0] + c.lostBetween[1], 0u);
    }

    void keptPacketsAreInTimeOrderAtTheSenderSidePoint() {
        // Each direction's packets come in runs (those seen at the sender-side
        // point, then those seen at the receiver side only), merged into one
        // order: the time each passed its sender's point, or the receiver's
        // when the sender's point did not see it.
        TwoPointPath path2 = path();
        path2.lostBetween = {6, 8};
        path2.onlyAtReceiver = {3, 9};
        const MergedCapture merged =
            merge(seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), path2));
        const MergedConnection& c = merged.connections[0];
        QCOMPARE(withFate(c, PacketFate::OnlyAtReceiver).size(), 2u);
        QCOMPARE(withFate(c, PacketFate::LostBetween).size(), 2u);
        const auto passed = [&](const MergedPacket& p) {
            const int from = senderPoint(merged, c, p.sender);
            return p.time[p.seenAt(from) ? from : 1 - from];
        };
        for (std::size_t i = 1; i < c.packets.size(); ++i)
            QVERIFY2(passed(c.packets[i - 1]) <= passed(c.packets[i]),
                     qPrintable(QStringLiteral("packet %1").arg(i)));
        QCOMPARE(c.firstTime, passed(c.packets.front()));
    }

    void theLostOneOfIdenticalCopiesIsNamed() {
        // Five identical empty segments from the client 1 ms apart (as a run of
        // dup-ACKs), the third lost between the points: with 3 ms of delay the
        // latest-copy rule alone would pair the fourth arrival with the fifth
        // copy and name the first copy lost.
        Conversation c("10.0.0.5", 40001, "10.0.0.9", 443, kStart);
        c.isns(11111, 77777).handshake(8 * kMs, 1 * kMs).serverSends(1 * kMs, 1000);
        for (int i = 0; i < 5; ++i)
            c.clientSends(1 * kMs, 0); // frames 4 to 8
        c.clientFin(20 * kMs).serverFin(8 * kMs);
        TwoPointPath lossy = path();
        lossy.lostBetween = {6};
        const MergedCapture merged =
            merge(seenAtTwoPoints(c.frames(), lossy), {.knownOffset = kOffset});
        const MergedConnection& m = merged.connections[0];
        const auto lost = withFate(m, PacketFate::LostBetween);
        QCOMPARE(lost.size(), 1u);
        QCOMPARE(recordAt(merged, m, *lost[0], 0).frame(), 7u); // the third copy, frame 7
        const Side client = firstSeenConnection(merged, m).clientSide();
        QCOMPARE(m.oneWayDelay[client].min, 3 * kMs);
        QCOMPARE(m.oneWayDelay[client].p99, 3 * kMs);
    }

    void aLostDupAckIsNamedByItsIpId() {
        const DupAckPoints run = dupAckRun({});
        const MergedCapture merged = mergeFiles(run.points);
        QCOMPARE(lostFrame(merged), run.copyFrames[6]);
        QCOMPARE(merged.identicalRuns.ambiguous, 1u);
        QCOMPARE(merged.identicalRuns.toldApart, 1u);
        QCOMPARE(merged.identicalRuns.packetsReread,
                 23u); // 12 copies at one point, 11 at the other
        // Every other copy kept its own partner: delays are the path's 3 ms plus the jitter.
        const MergedConnection& c = merged.connections[0];
        const Side client = firstSeenConnection(merged, c).clientSide();
        QCOMPARE(c.oneWayDelay[client].min, 3 * kMs - 30'000);
        QCOMPARE(c.oneWayDelay[client].p99, 3 * kMs + 1 * kMs);
    }

    void aLostDupAckIsNamedByItsTsvalOverIpv6() {
        const DupAckPoints run = dupAckRun({.ipv6 = true, .timestamps = true, .lost = 8});
        const MergedCapture merged = mergeFiles(run.points);
        QCOMPARE(lostFrame(merged), run.copyFrames[8]);
        QCOMPARE(merged.identicalRuns.toldApart, 1u);
        const DupAckPoints sixth = dupAckRun({.ipv6 = true, .timestamps = true});
        QCOMPARE(lostFrame(mergeFiles(sixth.points)), sixth.copyFrames[6]);
    }

    void copiesAlikeFallBackToTheDelayAlignment() {
        // IPv4 ID 0 with DF in every copy, no timestamps: nothing tells them
        // apart, and the delay alignment names copy 5, as before.
        const DupAckPoints run = dupAckRun({.distinctIds = false});
        const MergedCapture merged = mergeFiles(run.points);
        QCOMPARE(lostFrame(merged), run.copyFrames[5]);
        QCOMPARE(merged.identicalRuns.ambiguous, 1u);
        QCOMPARE(merged.identicalRuns.toldApart, 0u);
        QCOMPARE(merged.identicalRuns.packetsReread, 23u);
        QCOMPARE(merged.connections[0].lostBetween[0] + merged.connections[0].lostBetween[1], 1u);
        QCOMPARE(merged.notes.size(), 1u);
        QVERIFY(merged.notes[0].starts_with("1 runs of identical packets lack a copy"));
    }

    void capturesInMemoryKeepTheDelayAlignment() {
        const DupAckPoints run = dupAckRun({});
        const MergedCapture merged = merge(run.points, {.knownOffset = kOffset});
        QCOMPARE(lostFrame(merged), run.copyFrames[5]);
        QCOMPARE(merged.identicalRuns.ambiguous, 1u);
        QCOMPARE(merged.identicalRuns.toldApart, 0u);
        QCOMPARE(merged.identicalRuns.packetsReread, 0u);
        QCOMPARE(merged.notes.size(), 1u);
    }

    void aResendFarFromItsOriginalIsNotReread() {
        // A response segment lost between the points and resent 40 ms later:
        // two copies at the server side, one at the client side, further
        // apart than the delays could blur; the timing names the lost one.
        TwoPointPath lossy = path();
        lossy.lostBetween = {6};
        const MergedCapture merged =
            mergeFiles(seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), lossy));
        QCOMPARE(withFate(merged.connections[0], PacketFate::LostBetween).size(), 1u);
        QCOMPARE(merged.identicalRuns.ambiguous, 0u);
        QCOMPARE(merged.identicalRuns.packetsReread, 0u);
    }

    void natChangedAddressesMatchByIsns() {
        TwoPointPath nat = path();
        nat.natAddress = "192.0.2.7";
        nat.natPortShift = 20000;
        const MergedCapture merged = merge(seenAtTwoPoints(
            mergeByTime({transfer("10.0.0.5", 40001, 11111, 77777).frames(),
                         transfer("10.0.0.5", 40002, 22222, 88888, kStart + 20 * kMs).frames()}),
            nat));
        QCOMPARE(merged.connections.size(), 2u);
        for (const MergedConnection& c : merged.connections) {
            QCOMPARE(c.method, MatchMethod::IsnOnly);
            QVERIFY(c.bothSides());
            QCOMPARE(c.lostBetween[0] + c.lostBetween[1], 0u);
        }
        // Each kept its own partner: the second connection's ISN at both points.
        const MergedConnection& second = merged.connections[1];
        QCOMPARE(merged.points[0]->connections[second.connection[0]].endpoints[kSideA].port, 40002);
        QCOMPARE(merged.points[1]->connections[second.connection[1]].baseSeq[kSideA], 22222u);
        QVERIFY(merged.offset.lowerBound <= kOffset && kOffset <= merged.offset.upperBound);
    }

    void aConnectionAtOnePointOnly() {
        const TwoPoints shared =
            seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), path());
        std::vector<Frame> clientSide =
            mergeByTime({shared.clientSide,
                         transfer("10.0.0.6", 40005, 33333, 99999, kStart + 30 * kMs).frames()});
        auto merged = mergeCaptures(load(clientSide), load(shared.serverSide));
        QVERIFY(merged.ok());
        QCOMPARE(merged->connections.size(), 2u);
        const MergedConnection& alone = merged->connections[1];
        QVERIFY(!alone.bothSides());
        QCOMPARE(alone.method, MatchMethod::Unmatched);
        QCOMPARE(alone.clientPoint, -1);
        QCOMPARE(withFate(alone, PacketFate::OnePointOnly).size(), alone.packets.size());
        QVERIFY(std::count(merged->notes.begin(), merged->notes.end(),
                           "1 connections seen at point 0 only") == 1);
    }

    void portReusedAcrossTheFilesPairsByIsn() {
        // The same 4-tuple twice; the server-side capture holds only the second.
        const Conversation first = transfer("10.0.0.5", 40001, 11111, 77777);
        const Conversation second = transfer("10.0.0.5", 40001, 55555, 66666, kStart + 500 * kMs);
        const TwoPoints both =
            seenAtTwoPoints(mergeByTime({first.frames(), second.frames()}), path());
        std::vector<Frame> serverSide;
        for (const Frame& f : both.serverSide)
            if (f.timestampNs > kStart + kOffset + 400 * kMs)
                serverSide.push_back(f);
        auto merged = mergeCaptures(load(both.clientSide), load(serverSide));
        QVERIFY(merged.ok());
        QCOMPARE(merged->connections.size(), 2u);
        QVERIFY(!merged->connections[0].bothSides());
        const MergedConnection& reused = merged->connections[1];
        QVERIFY(reused.bothSides());
        QCOMPARE(reused.connection[0], 1);
        QCOMPARE(merged->points[1]->connections[reused.connection[1]].baseSeq[kSideA], 55555u);
        QCOMPARE(withFate(reused, PacketFate::SeenAtBoth).size(), reused.packets.size());
    }

    void timeRangesOverlapInPart() {
        // The server side started capturing after the handshake; the client
        // side stopped before the FINs. Neither is a loss.
        TwoPointPath partial = path();
        partial.notCapturedAtServerSide = {0, 1, 2};
        partial.notCapturedAtClientSide = {9, 10};
        const MergedCapture merged =
            merge(seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), partial));
        QCOMPARE(merged.connections.size(), 1u);
        const MergedConnection& c = merged.connections[0];
        QCOMPARE(c.method, MatchMethod::FourTupleAndIsn);
        QCOMPARE(c.lostBetween[0] + c.lostBetween[1], 0u);
        QCOMPARE(c.onlyAtReceiver[0] + c.onlyAtReceiver[1], 0u);
        QCOMPARE(withFate(c, PacketFate::OnePointOnly).size(), 5u);
        // Sequence numbers count from the client side's ISN at both points.
        for (const MergedPacket& p : c.packets)
            if (p.seenAt(1) && p.seenAt(0))
                QCOMPARE(mergedRelativeSeq(merged, c, p), recordAt(merged, c, p, 0).relativeSeq());
        QVERIFY(merged.offset.lowerBound <= kOffset && kOffset <= merged.offset.upperBound);
    }

    void driftOverALongCaptureIsMeasured() {
        Conversation c("10.0.0.5", 40001, "10.0.0.9", 443, kStart);
        c.isns(4242, 8484).handshake(8 * kMs, 1 * kMs);
        for (int second = 0; second < 120; ++second)
            c.clientSends(500 * kMs, 100).serverSends(500 * kMs, 100);
        TwoPointPath drifting = path();
        drifting.clientToServer = 2 * kMs;
        drifting.serverToClient = 2 * kMs;
        drifting.driftPpm = 50;
        const MergedCapture merged = merge(seenAtTwoPoints(c.frames(), drifting));
        QVERIFY(merged.offset.driftKnown);
        QVERIFY2(std::abs(merged.offset.driftPpm - 50) < 2,
                 std::to_string(merged.offset.driftPpm).c_str());
        // 50 ppm over two minutes is 6 ms, more than the delays: without the
        // drift the delays would spread by that much.
        const MergedConnection& m = merged.connections[0];
        for (const DelayStats& d : m.oneWayDelay) {
            QVERIFY2(std::abs(d.median - 2 * kMs) < kMs / 5, std::to_string(d.median).c_str());
            QVERIFY2(d.p99 - d.min < kMs / 2, std::to_string(d.p99 - d.min).c_str());
        }
        const TimeNs trueOffset =
            kOffset + static_cast<TimeNs>(50e-6 * static_cast<double>(merged.offset.referenceTime));
        QVERIFY(merged.offset.lowerBound - kMs / 10 <= trueOffset);
        QVERIFY(trueOffset <= merged.offset.upperBound + kMs / 10);
    }

    void manyConnectionsShareTheWorkAndLoseNothingElse() {
        // Enough packets for the merge to split its work over two threads.
        std::vector<std::vector<Frame>> conversations;
        for (std::uint16_t i = 0; i < 60; ++i) {
            Conversation c("10.0.0.5", static_cast<std::uint16_t>(41000 + i), "10.0.0.9", 443,
                           kStart + i * 7 * kMs);
            c.isns(1000u + i * 7919u, 900000u + i * 104729u).handshake(8 * kMs, 1 * kMs);
            for (int k = 0; k < 200; ++k)
                c.serverSends(1 * kMs, 1000);
            c.clientSends(1 * kMs, 100).clientFin(1 * kMs).serverFin(1 * kMs);
            conversations.push_back(c.frames());
        }
        const std::vector<Frame> frames = mergeByTime(conversations);
        TwoPointPath lossy = path();
        for (std::size_t i = 50; i < frames.size(); i += 97)
            lossy.lostBetween.insert(i);
        const MergedCapture merged = merge(seenAtTwoPoints(frames, lossy));
        QVERIFY(frames.size() * 2 > 20000);
        QCOMPARE(merged.connections.size(), 60u);
        std::uint64_t lost = 0;
        for (const MergedConnection& c : merged.connections) {
            QVERIFY(c.bothSides());
            QCOMPARE(c.clientPoint, 0);
            lost += c.lostBetween[0] + c.lostBetween[1];
            QCOMPARE(c.onlyAtReceiver[0] + c.onlyAtReceiver[1], 0u);
        }
        QCOMPARE(lost, lossy.lostBetween.size());
        // Without the packets, the same figures.
        auto figures = mergeCaptures(merged.points[0], merged.points[1], {.keepPackets = false});
        QVERIFY(figures.ok());
        for (std::size_t i = 0; i < merged.connections.size(); ++i) {
            const MergedConnection& with = merged.connections[i];
            const MergedConnection& without = figures->connections[i];
            QVERIFY(without.packets.empty());
            QCOMPARE(without.connection, with.connection);
            QCOMPARE(without.firstTime, with.firstTime);
            QCOMPARE(without.lostBetween, with.lostBetween);
            QCOMPARE(without.oneWayDelay[0].median, with.oneWayDelay[0].median);
            QCOMPARE(without.oneWayDelay[1].p99, with.oneWayDelay[1].p99);
        }
        QCOMPARE(merged.offset.upperBound, kOffset + 3 * kMs);
        QCOMPARE(merged.offset.lowerBound, kOffset - 5 * kMs);
        for (std::size_t i = 1; i < merged.connections.size(); ++i)
            QVERIFY(merged.connections[i - 1].firstTime <= merged.connections[i].firstTime);
    }

    void pointLoadsSkipTheSummariesAndChangeNoMergedFigure() {
        // An HTTP exchange whose response is lost between the points and
        // resent, and a TLS hello: connections that have summaries.
        Dialogue http("10.0.0.5", 40001, "10.0.0.9", 80, 0);
        http.send(true, "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n", 10)
            .send(false, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 30)
            .send(false, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 250, 0)
            .send(true, "GET /b HTTP/1.1\r\nHost: example.com\r\n\r\n", 300)
            .fin(true, 400)
            .fin(false, 401);
        Dialogue tls("10.0.0.5", 40002, "10.0.0.9", 443, 5);
        tls.send(true, tlsRecord(22, clientHello("example.com", "h2")), 20)
            .fin(true, 500)
            .fin(false, 501);
        const std::vector<Frame> frames = mergeByTime({http.frames(), tls.frames()});
        TwoPointPath lossy = path();
        lossy.lostBetween.insert(frameAt(frames, 30));
        const TwoPoints points = seenAtTwoPoints(frames, lossy);
        const TemporaryFile clientSide(buildPcap(points.clientSide, {.nanosecond = true}));
        const TemporaryFile serverSide(buildPcap(points.serverSide, {.nanosecond = true}));

        auto first = loadCapture(clientSide.path());
        auto second = loadCapture(serverSide.path());
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first.value()->connections.size(), 2u);
        for (std::uint32_t id = 0; id < 2; ++id) {
            QVERIFY(first.value()->application(id).has_value());
            QVERIFY(second.value()->application(id).has_value());
        }
        auto withSummaries = mergeCaptures(first.value(), second.value());
        auto merged = loadAndMergeCaptures(clientSide.path(), serverSide.path());
        QVERIFY(withSummaries.ok() && merged.ok());
        for (int point = 0; point < 2; ++point) {
            for (std::uint32_t id = 0; id < merged->points[point]->connections.size(); ++id)
                QVERIFY(!merged->points[point]->application(id).has_value());
            QCOMPARE(merged->points[point]->tcpPackets,
                     (point == 0 ? first : second).value()->tcpPackets);
        }
        QCOMPARE(merged->connections[0].lostBetween[kSideB], 1u);
        compareMerges(merged.value(), withSummaries.value());

        auto figures = loadAndMergeCaptures(clientSide.path(), serverSide.path(), {},
                                            {.knownOffset = std::nullopt, .keepPackets = false});
        auto figuresWithSummaries = mergeCaptures(
            first.value(), second.value(), {.knownOffset = std::nullopt, .keepPackets = false});
        QVERIFY(figures.ok() && figuresWithSummaries.ok());
        compareMerges(figures.value(), figuresWithSummaries.value());
    }

    void capturesWithNothingInCommonAreRefused() {
        const TwoPoints a =
            seenAtTwoPoints(transfer("10.0.0.5", 40001, 11111, 77777).frames(), path());
        const TwoPoints b = seenAtTwoPoints(transfer("10.0.0.6", 40002, 123, 456).frames(), path());
        auto merged = mergeCaptures(load(a.clientSide), load(b.serverSide));
        QVERIFY(!merged.ok());
        QVERIFY(merged.error().find("share no TCP connection") != std::string::npos);
        auto given = mergeCaptures(load(a.clientSide), load(b.serverSide), {.knownOffset = 0});
        QVERIFY(given.ok());
        QCOMPARE(given->connections.size(), 2u);
    }
};

QTEST_GUILESS_MAIN(TestCaptureMerge)
#include "test_capture_merge.moc"
