#include "support/conversation_builder.h"

#include "decode/tcp_segment.h"
#include "support/packet_builder.h"

#include <algorithm>

namespace tcpladder::test {
namespace {

constexpr std::uint32_t kClientIsn = 1000;
constexpr std::uint32_t kServerIsn = 500000;

} // namespace

Conversation::Conversation(std::string client, std::uint16_t clientPort, std::string server,
                           std::uint16_t serverPort, std::int64_t startNs)
    : m_client{std::move(client), clientPort, kClientIsn}, m_server{std::move(server), serverPort,
                                                                    kServerIsn},
      m_now(startNs) {}

void Conversation::send(bool fromClient, std::int64_t after, std::uint8_t flags,
                        std::uint32_t payload, std::uint16_t window, std::uint32_t seqOverride) {
    m_now += after;
    Side& from = fromClient ? m_client : m_server;
    const Side& to = fromClient ? m_server : m_client;
    TcpSpec spec;
    spec.srcPort = from.port;
    spec.dstPort = to.port;
    spec.seq = seqOverride ? seqOverride : from.nextSeq;
    spec.ack = (flags & kAck) ? to.nextSeq : 0;
    spec.flags = flags;
    spec.window = window;
    spec.payloadLength = payload;
    if (!seqOverride) {
        from.nextSeq += payload + ((flags & (kSyn | kFin)) ? 1 : 0);
        if (!fromClient && payload > 0) {
            m_lastServerSeq = spec.seq;
            m_lastServerLength = payload;
        }
    }
    const bool v6 = from.address.find(':') != std::string::npos;
    const Bytes ip = v6 ? ipv6(from.address, to.address, kProtoTcp, tcp(spec))
                        : ipv4(from.address, to.address, kProtoTcp, tcp(spec));
    m_frames.push_back({m_now, ethernet(v6 ? 0x86DD : 0x0800, ip)});
}

Conversation& Conversation::isns(std::uint32_t client, std::uint32_t server) {
    m_client.nextSeq = client;
    m_server.nextSeq = server;
    return *this;
}

Conversation& Conversation::handshake(std::int64_t synToSynAck, std::int64_t synAckToAck) {
    send(true, 0, kSyn, 0);
    send(false, synToSynAck, kSyn | kAck, 0);
    send(true, synAckToAck, kAck, 0);
    return *this;
}

Conversation& Conversation::synOnly() {
    send(true, 0, kSyn, 0);
    return *this;
}

Conversation& Conversation::clientSends(std::int64_t after, std::uint32_t bytes) {
    send(true, after, kPsh | kAck, bytes);
    return *this;
}

Conversation& Conversation::serverSends(std::int64_t after, std::uint32_t bytes) {
    send(false, after, kPsh | kAck, bytes);
    return *this;
}

Conversation& Conversation::serverRetransmits(std::int64_t after) {
    send(false, after, kPsh | kAck, m_lastServerLength, 65535, m_lastServerSeq);
    return *this;
}

Conversation& Conversation::clientZeroWindow(std::int64_t after) {
    send(true, after, kAck, 0, 0);
    return *this;
}

Conversation& Conversation::clientFin(std::int64_t after) {
    send(true, after, kFin | kAck, 0);
    return *this;
}

Conversation& Conversation::serverFin(std::int64_t after) {
    send(false, after, kFin | kAck, 0);
    return *this;
}

Conversation& Conversation::clientRst(std::int64_t after) {
    send(true, after, kRst | kAck, 0);
    return *this;
}

Conversation& Conversation::serverRst(std::int64_t after) {
    send(false, after, kRst | kAck, 0);
    return *this;
}

std::vector<Frame> mergeByTime(const std::vector<std::vector<Frame>>& conversations) {
    std::vector<Frame> all;
    for (const auto& frames : conversations)
        all.insert(all.end(), frames.begin(), frames.end());
    std::stable_sort(all.begin(), all.end(),
                     [](const Frame& a, const Frame& b) { return a.timestampNs < b.timestampNs; });
    return all;
}

} // namespace tcpladder::test
