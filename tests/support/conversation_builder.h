#pragma once

#include "support/capture_writer.h"

#include <cstdint>
#include <string>
#include <vector>

// TCP conversations written as a story, for tests that need connections with
// known timing and endings (slow handshakes, client resets, retransmissions):
//
//     Conversation c("10.0.0.5", 40001, "10.0.0.9", 443, startNs);
//     c.handshake(20'000'000, 100'000).clientSends(1'000'000, 300)
//      .serverSends(5'000'000, 4000).clientFin(1'000'000).serverFin(100'000);
//     TemporaryFile file(buildPcap(mergeByTime({c.frames(), other.frames()})));
//
// Every step waits `after` nanoseconds after the previous one. Addresses with
// a ':' are IPv6. Sequence and acknowledgement numbers follow the data sent.
namespace tcpladder::test {

class Conversation {
public:
    Conversation(std::string client, std::uint16_t clientPort, std::string server,
                 std::uint16_t serverPort, std::int64_t startNs);

    // Initial sequence numbers other than the default ones; call before the
    // first step (connections that reuse a 4-tuple have new ISNs).
    Conversation& isns(std::uint32_t client, std::uint32_t server);
    // SYN now, SYN/ACK after `synToSynAck`, ACK after `synAckToAck` more.
    Conversation& handshake(std::int64_t synToSynAck, std::int64_t synAckToAck);
    Conversation& synOnly();
    Conversation& clientSends(std::int64_t after, std::uint32_t bytes);
    Conversation& serverSends(std::int64_t after, std::uint32_t bytes);
    // The server's last data segment again, as after a lost segment.
    Conversation& serverRetransmits(std::int64_t after);
    // The client acknowledges everything with a zero receive window.
    Conversation& clientZeroWindow(std::int64_t after);
    Conversation& clientFin(std::int64_t after);
    Conversation& serverFin(std::int64_t after);
    Conversation& clientRst(std::int64_t after);
    Conversation& serverRst(std::int64_t after);

    const std::vector<Frame>& frames() const { return m_frames; }

private:
    struct Side {
        std::string address;
        std::uint16_t port;
        std::uint32_t nextSeq;
    };

    void send(bool fromClient, std::int64_t after, std::uint8_t flags, std::uint32_t payload,
              std::uint16_t window = 65535, std::uint32_t seqOverride = 0);

    Side m_client;
    Side m_server;
    std::int64_t m_now;
    std::uint32_t m_lastServerSeq = 0;
    std::uint32_t m_lastServerLength = 0;
    std::vector<Frame> m_frames;
};

// Frames of several conversations in capture order.
std::vector<Frame> mergeByTime(const std::vector<std::vector<Frame>>& conversations);

} // namespace tcpladder::test
