#include "connection_simulator.h"

#include "sim_constants.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace tcpladder::bench {

namespace {

// Spreads connections over 4,096 client hosts and the ephemeral port range, so every
// connection of a capture up to ~115 million connections has its own 4-tuple.
Endpoints makeEndpoints(std::uint64_t index, Random& random) {
    constexpr std::uint64_t hosts = 4096;
    constexpr std::uint64_t ports = 28232; // Linux's default 32768..60999
    const auto host = static_cast<std::uint32_t>(index % hosts);
    Endpoints endpoints;
    endpoints.clientIp = (10U << 24) | (1U << 16) | ((host / 250) << 8) | (host % 250 + 1);
    endpoints.clientPort = static_cast<std::uint16_t>(32768 + (index / hosts) % ports);
    endpoints.serverIp = (198U << 24) | (51U << 16) | (100U << 8) |
                         static_cast<std::uint32_t>(10 + random.between(0, 15));
    // Every other connection is HTTPS.
    endpoints.serverPort = index % 2 ? 443 : 80;
    // Locally administered MACs that carry the host number in their last two bytes.
    endpoints.clientMac = {0x02, 0x00, 0x0a, 0x01, 0x00, 0x00};
    endpoints.clientMac[4] = static_cast<std::uint8_t>(host >> 8);
    endpoints.clientMac[5] = static_cast<std::uint8_t>(host);
    endpoints.routerMac = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
    endpoints.clientTtl = 64;
    endpoints.serverTtl = static_cast<std::uint8_t>(random.between(44, 58));
    return endpoints;
}

std::string formatRequest(std::uint64_t index, std::uint32_t serverIp) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "GET /data/%llu.bin HTTP/1.1\r\nHost: 198.51.100.%u\r\n"
                  "User-Agent: tcpladder-bench/1\r\nAccept: */*\r\nConnection: close\r\n\r\n",
                  static_cast<unsigned long long>(index), serverIp & 0xff);
    return buffer;
}

std::string formatResponseHeader(std::uint32_t bodyBytes) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "HTTP/1.1 200 OK\r\nServer: tcpladder-bench\r\n"
                  "Content-Type: application/octet-stream\r\nContent-Length: %u\r\n"
                  "Connection: close\r\n\r\n",
                  bodyBytes);
    return buffer;
}

std::string be16(std::size_t value) {
    return {static_cast<char>(value >> 8), static_cast<char>(value & 0xff)};
}

std::string tlsRecord(char type, const std::string& body) {
    return std::string{type, 3, 3} + be16(body.size()) + body;
}

std::string handshake(char type, const std::string& body) {
    return std::string{type, 0} + be16(body.size()) + body;
}

// A TLS 1.2 ClientHello with server_name and ALPN, in one record.
std::string formatClientHello(std::uint64_t index, std::uint32_t serverIp) {
    char name[64];
    std::snprintf(name, sizeof name, "s%u.bench.example", serverIp & 0xff);
    const std::string sni = std::string(1, '\0') + be16(std::strlen(name)) + name;
    const std::string serverName = be16(0) + be16(sni.size() + 2) + be16(sni.size()) + sni;
    const std::string protocol = std::string(1, 8) + "http/1.1";
    const std::string alpn =
        be16(16) + be16(protocol.size() + 2) + be16(protocol.size()) + protocol;
    std::string random(32, '\0');
    for (std::size_t i = 0; i < random.size(); ++i)
        random[i] = static_cast<char>((index >> (8 * (i % 8))) + i);
    const std::string body = "\x03\x03" + random + std::string(1, '\0') + be16(4) +
                             std::string("\xc0\x2f\x00\x9c", 4) + "\x01" + std::string(1, '\0') +
                             be16(serverName.size() + alpn.size()) + serverName + alpn;
    return tlsRecord(22, handshake(1, body));
}

// ServerHello (ALPN http/1.1) and ChangeCipherSpec; the encrypted Finished
// and the data follow as application data records.
std::string formatServerHello() {
    const std::string protocol = std::string(1, 8) + "http/1.1";
    const std::string alpn =
        be16(16) + be16(protocol.size() + 2) + be16(protocol.size()) + protocol;
    const std::string body = "\x03\x03" + std::string(32, 'r') + std::string(1, '\0') + "\xc0\x2f" +
                             std::string(1, '\0') + be16(alpn.size()) + alpn;
    return tlsRecord(22, handshake(2, body)) + tlsRecord(20, std::string(1, 1));
}

} // namespace

Connection simulateConnection(const ConnectionPlan& plan) {
    return ConnectionSimulator(plan).run();
}

ConnectionSimulator::ConnectionSimulator(const ConnectionPlan& plan)
    : m_plan(plan), m_random(plan.seed) {
    m_connection.endpoints = makeEndpoints(plan.index, m_random);
    m_rttNs = static_cast<std::int64_t>(m_random.logUniform(5e6, 200e6));
    m_bytesPerNs = m_random.logUniform(20e6, 1e9) / 8e9;
    m_mss = plan.segmentPayload;
    m_clientIsn = m_random.next32();
    m_serverIsn = m_random.next32();
    m_clientTsBase = m_random.next32();
    m_serverTsBase = m_random.next32();
    m_clientIpId = static_cast<std::uint16_t>(m_random.next32());
    m_serverIpId = static_cast<std::uint16_t>(m_random.next32());
    m_stallNs = static_cast<std::int64_t>(m_random.logUniform(30e6, 1.2e9));
    m_persistIntervalNs = std::max(sim::minRtoNs, 2 * m_rttNs);
    prepareContent();
}

void ConnectionSimulator::prepareContent() {
    m_connection.tls = m_connection.endpoints.serverPort == 443;
    m_connection.request = m_connection.tls
                               ? formatClientHello(m_plan.index, m_connection.endpoints.serverIp)
                               : formatRequest(m_plan.index, m_connection.endpoints.serverIp);
    std::uint32_t body = std::max<std::uint32_t>(m_plan.bodyBytes, 1);
    if (m_plan.zeroWindow) {
        // The client stops reading after this offset; the server then has to fill the whole
        // advertised window before the window can reach zero, so the body must outlast it.
        m_stallOffset = static_cast<std::uint32_t>(m_random.between(4, 16)) * m_mss;
        const std::uint32_t needed = m_stallOffset + clientNormalWindow(m_stallOffset) + 8 * m_mss;
        body = std::max(body, needed);
    }
    m_connection.responseHeader =
        m_connection.tls ? formatServerHello() : formatResponseHeader(body);
    m_connection.tlsBodyBytes = body;
    m_total = static_cast<std::uint32_t>(m_connection.responseHeader.size()) + body;
    if (m_plan.clientReset) {
        m_abortOffset = static_cast<std::uint32_t>(m_total * (0.2 + 0.7 * m_random.unit()));
    }
}

std::uint32_t ConnectionSimulator::clientTs(std::int64_t timeNs) const {
    return m_clientTsBase + static_cast<std::uint32_t>(timeNs / sim::millisecond);
}

std::uint32_t ConnectionSimulator::serverTs(std::int64_t timeNs) const {
    return m_serverTsBase + static_cast<std::uint32_t>(timeNs / sim::millisecond);
}

void ConnectionSimulator::schedule(std::int64_t timeNs, EventKind kind, std::uint32_t value) {
    m_events.push(Event{timeNs, m_eventOrder++, kind, value});
}

Connection ConnectionSimulator::run() {
    PacketSpec syn;
    syn.seq = m_clientIsn;
    syn.flags = tcp_flags::syn;
    syn.window = sim::clientSynWindow;
    syn.options = OptionLayout::Handshake;
    m_clientLastSendNs = m_plan.startNs - sim::microsecond;
    clientSend(m_plan.startNs, syn);

    while (!m_events.empty()) {
        const Event event = m_events.top();
        m_events.pop();
        dispatch(event);
    }
    // Client packets are stamped a few microseconds after the event that caused them, so
    // arrivals in between have to be merged back into capture order.
    std::stable_sort(m_connection.packets.begin(), m_connection.packets.end(),
                     [](const PacketSpec& a, const PacketSpec& b) { return a.timeNs < b.timeNs; });
    return std::move(m_connection);
}

void ConnectionSimulator::dispatch(const Event& event) {
    switch (event.kind) {
    case EventKind::SegmentArrives: {
        const PacketSpec segment = m_inFlight[event.value];
        m_connection.packets.push_back(segment);
        clientOnSegment(event.timeNs, segment);
        break;
    }
    case EventKind::ServerReceives:
        serverOnPacket(event.timeNs, event.value);
        break;
    case EventKind::ServerStartsResponse:
        serverStartResponse(event.timeNs);
        break;
    case EventKind::ServerLossTimer:
        serverLossTimer(event.timeNs, event.value);
        break;
    case EventKind::ServerPersistTimer:
        serverPersistTimer(event.timeNs, event.value);
        break;
    case EventKind::ClientDelayedAck:
        clientDelayedAck(event.timeNs, event.value);
        break;
    case EventKind::ClientResumesReading:
        clientResumeReading(event.timeNs);
        break;
    case EventKind::ClientCloses:
        clientClose(event.timeNs);
        break;
    }
}

} // namespace tcpladder::bench
