#pragma once

#include "support/capture_writer.h"
#include "support/conversation_builder.h"
#include "support/test_paths.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <memory>
#include <string>
#include <vector>

// Captures the GUI tests share, built with known answers.
namespace tcpladder::test {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kEpochNs = 1'700'000'000LL * 1'000'000'000;

// Settings of a test run live in Qt's test location and start out empty.
inline void isolateSettings() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tcpladder-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tcpladder-tests"));
    QSettings().clear();
}

// Connection ids follow the start times; the server 10.0.0.9:443 answers in
// about 20 ms, except where a test needs it slow:
//  0  10.0.0.5:40000 → 10.0.0.9:443   normal, client FIN after the response
//  1  10.0.0.5:40001 → 10.0.0.9:443   normal
//  2  10.0.0.6:40002 → 10.0.0.9:443   slow handshake (400 ms SYN → SYN/ACK)
//  3  10.0.0.5:40003 → 10.0.0.9:443   slow first byte (900 ms)
//  4  10.0.0.7:40004 → 10.0.0.9:443   reset by the client in mid-response
//  5  10.0.0.5:40005 → 10.0.0.20:80   a server retransmission
//  6  10.0.0.5:40006 → 10.0.0.20:80   the client announces a zero window
//  7  10.0.0.5:40007 → 10.0.0.20:80   client FIN while the server still sends
//  8  [2001:db8::5]:40008 → [2001:db8::1]:443   IPv6, normal
//  9  10.0.0.8:40009 → 10.0.0.9:8443  client FIN after a complete answer
// 10  10.0.0.5:40010 → 10.0.0.9:443   slow handshake (300 ms)
// 11  10.0.0.5:40011 → 10.0.0.30:80   client FIN after waiting 2 s for an answer
inline std::vector<Frame> scenarioFrames() {
    const auto at = [](int tenths) { return kEpochNs + tenths * 100 * kMs; };
    const auto normal = [&](const char* client, std::uint16_t port, const char* server,
                            std::uint16_t serverPort, int tenths, std::int64_t rtt) {
        Conversation c(client, port, server, serverPort, at(tenths));
        c.handshake(rtt, kMs / 10).clientSends(kMs / 10, 300).serverSends(30 * kMs, 4000);
        return c;
    };
    std::vector<std::vector<Frame>> all;
    all.push_back(normal("10.0.0.5", 40000, "10.0.0.9", 443, 0, 20 * kMs)
                      .clientFin(kMs)
                      .serverFin(kMs / 10)
                      .frames());
    all.push_back(normal("10.0.0.5", 40001, "10.0.0.9", 443, 1, 21 * kMs)
                      .clientFin(kMs)
                      .serverFin(kMs / 10)
                      .frames());
    all.push_back(normal("10.0.0.6", 40002, "10.0.0.9", 443, 2, 400 * kMs)
                      .clientFin(kMs)
                      .serverFin(kMs / 10)
                      .frames());
    Conversation slowAnswer("10.0.0.5", 40003, "10.0.0.9", 443, at(3));
    slowAnswer.handshake(19 * kMs, kMs / 10)
        .clientSends(kMs / 10, 300)
        .serverSends(900 * kMs, 4000)
        .clientFin(kMs)
        .serverFin(kMs / 10);
    all.push_back(slowAnswer.frames());
    all.push_back(normal("10.0.0.7", 40004, "10.0.0.9", 443, 4, 20 * kMs)
                      .serverSends(kMs, 1400)
                      .clientRst(kMs / 10)
                      .frames());
    all.push_back(normal("10.0.0.5", 40005, "10.0.0.20", 80, 5, 5 * kMs)
                      .serverSends(kMs, 1400)
                      .serverRetransmits(200 * kMs)
                      .clientFin(kMs)
                      .serverFin(kMs / 10)
                      .frames());
    all.push_back(normal("10.0.0.5", 40006, "10.0.0.20", 80, 6, 5 * kMs)
                      .clientZeroWindow(kMs)
                      .clientFin(50 * kMs)
                      .serverFin(kMs / 10)
                      .frames());
    all.push_back(normal("10.0.0.5", 40007, "10.0.0.20", 80, 7, 5 * kMs)
                      .clientFin(kMs)
                      .serverSends(kMs, 1400)
                      .serverFin(kMs / 10)
                      .frames());
    all.push_back(normal("2001:db8::5", 40008, "2001:db8::1", 443, 8, 30 * kMs)
                      .clientFin(kMs)
                      .serverFin(kMs / 10)
                      .frames());
    all.push_back(normal("10.0.0.8", 40009, "10.0.0.9", 8443, 9, 20 * kMs)
                      .clientFin(kMs)
                      .serverFin(kMs / 10)
                      .frames());
    all.push_back(normal("10.0.0.5", 40010, "10.0.0.9", 443, 10, 300 * kMs)
                      .clientFin(kMs)
                      .serverFin(kMs / 10)
                      .frames());
    Conversation gaveUp("10.0.0.5", 40011, "10.0.0.30", 80, at(11));
    gaveUp.handshake(5 * kMs, kMs / 10)
        .clientSends(kMs / 10, 300)
        .clientFin(2000 * kMs)
        .serverFin(kMs);
    all.push_back(gaveUp.frames());
    return mergeByTime(all);
}

inline std::unique_ptr<TemporaryFile> scenarioCapture() {
    return std::make_unique<TemporaryFile>(buildPcap(scenarioFrames()));
}

// Many short connections: enough packets that a load takes a while and
// reports progress several times.
inline std::unique_ptr<TemporaryFile> largeCapture(int connections) {
    std::vector<Frame> frames;
    frames.reserve(static_cast<std::size_t>(connections) * 9);
    for (int i = 0; i < connections; ++i) {
        const std::string client =
            "10.1." + std::to_string(i / 250 % 250) + "." + std::to_string(i % 250 + 1);
        Conversation c(client, static_cast<std::uint16_t>(20000 + i % 40000), "10.2.0.1", 443,
                       kEpochNs + i * 20 * kMs);
        c.handshake(10 * kMs, kMs / 10)
            .clientSends(kMs / 10, 200)
            .serverSends(kMs, 1200)
            .clientFin(kMs)
            .serverFin(kMs / 10);
        frames.insert(frames.end(), c.frames().begin(), c.frames().end());
    }
    return std::make_unique<TemporaryFile>(buildPcap(frames));
}

inline QString qPath(const TemporaryFile& file) {
    return QString::fromStdString(file.path());
}

inline QString corpusCapture() {
    return QString::fromStdString(corpusDir() + "/PcapPlusPlus/example2.pcap");
}

} // namespace tcpladder::test
