#include "connections_output.h"

#include "analysis/connection_facts.h"
#include "analysis/connection_summary.h"
#include "analysis/slow_rule.h"
#include "messages/tls_names.h"

#include <cstdio>

namespace tcpladder::cli {
namespace {

std::string optionalMs(const std::optional<TimeNs>& value) {
    if (!value)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(*value) / 1e6);
    return text;
}

void printTsv(const LoadedCapture& capture, OutputBuffer& out) {
    out << "id\tfirst_frame\tlast_frame\tclient\tserver\tpackets_c2s\tpackets_s2c\tbytes_c2s\t"
           "bytes_s2c\tstart\tduration\n";
    for (const Connection& c : capture.connections) {
        const Side client = c.clientSide();
        const Side server = c.serverSide();
        out << c.id << '\t' << c.firstFrame << '\t' << c.lastFrame << '\t'
            << formatEndpoint(c.client().address, c.client().port) << '\t'
            << formatEndpoint(c.server().address, c.server().port) << '\t' << c.packets[client]
            << '\t' << c.packets[server] << '\t' << c.payloadBytes[client] << '\t'
            << c.payloadBytes[server] << '\t'
            << LoadedCapture::epochText(capture.connectionStarts[c.id]) << '\t'
            << formatSeconds(c.lastTime - c.firstTime) << '\n';
    }
}

// The frames that gave no TCP row, by kind: {"ARP": 2, "ICMPv6": 2}.
std::string nonTcpJson(const LoadedCapture& capture) {
    std::string json = "{";
    for (const NonTcpCount& count : capture.nonTcp)
        json += (json.size() > 1 ? ", " : "") + jsonString(count.kind) + ": " +
                std::to_string(count.frames);
    return json + "}";
}

std::string exchangeJson(const HttpExchange& e) {
    return "{\"index\": " + std::to_string(e.index) + ", \"method\": " + jsonString(e.method) +
           ", \"target\": " + jsonString(e.target) +
           ", \"status\": " + (e.status ? std::to_string(e.status) : "null") +
           ", \"request_frame\": " + std::to_string(e.requestFrame) +
           ", \"response_frame\": " + (e.responseFrame ? std::to_string(e.responseFrame) : "null") +
           ", \"wait_ms\": " + (e.wait >= 0 ? optionalMs(e.wait) : "null") + "}";
}

std::string optionalText(const std::string& text) {
    return text.empty() ? "null" : jsonString(text);
}

// The connection's application summary (null when nothing was recognised).
std::string applicationJson(const std::optional<ApplicationSummary>& app,
                            const ConnectionFacts& facts) {
    if (!app || !app->protocol)
        return "null";
    std::string json = "{\"protocol\": " + jsonString(protocolName(*app->protocol)) +
                       ", \"truncated\": " + (app->truncated ? "true" : "false");
    switch (*app->protocol) {
    case MessageProtocol::Http: {
        const HttpExchange* slow = SlowRule{}.firstSlowRequest(facts);
        json += ", \"requests\": " + std::to_string(app->requests) +
                ", \"responses\": " + std::to_string(app->responses) +
                ", \"host\": " + optionalText(app->host) +
                ", \"first_request\": " + (app->first ? exchangeJson(*app->first) : "null") +
                ", \"slowest_request\": " + (app->slowest ? exchangeJson(*app->slowest) : "null") +
                ", \"first_slow_request\": " + (slow ? exchangeJson(*slow) : "null");
        break;
    }
    case MessageProtocol::Tls:
        json += ", \"sni\": " + optionalText(app->sni) + ", \"alpn\": " + optionalText(app->alpn) +
                ", \"version\": " +
                (app->tlsVersion ? jsonString(tlsVersionName(app->tlsVersion)) : "null") +
                ", \"alert\": " + optionalText(app->alert);
        break;
    case MessageProtocol::Dns:
        json += ", \"query\": " + optionalText(app->clientText) +
                ", \"rcode\": " + optionalText(app->serverText);
        break;
    default:
        json += ", \"client\": " + optionalText(app->clientText) +
                ", \"server\": " + optionalText(app->serverText);
        break;
    }
    return json + "}";
}

void printJson(const LoadedCapture& capture, OutputBuffer& out) {
    const auto facts = computeConnectionFacts(capture);
    out << "{\"packets\": " << capture.frames << ", \"tcp_packets\": " << capture.tcpPackets
        << ", \"not_tcp\": " << nonTcpJson(capture) << ",\n \"connections\": [";
    for (const Connection& c : capture.connections) {
        const Side client = c.clientSide();
        const Side server = c.serverSide();
        const ConnectionSummary s = summarizeConnection(capture, c.id);
        out << (c.id ? ",\n " : "\n ") << "{\"id\": " << c.id
            << ", \"first_frame\": " << c.firstFrame << ", \"last_frame\": " << c.lastFrame
            << ", \"client\": " << jsonString(formatEndpoint(c.client().address, c.client().port))
            << ", \"server\": " << jsonString(formatEndpoint(c.server().address, c.server().port))
            << ", \"packets_c2s\": " << c.packets[client]
            << ", \"packets_s2c\": " << c.packets[server]
            << ", \"bytes_c2s\": " << c.payloadBytes[client]
            << ", \"bytes_s2c\": " << c.payloadBytes[server]
            << ", \"start\": " << LoadedCapture::epochText(capture.connectionStarts[c.id])
            << ", \"duration\": " << formatSeconds(c.lastTime - c.firstTime)
            << ", \"syn_to_synack_ms\": " << (s.synToSynAck ? optionalMs(s.synToSynAck) : "null")
            << ", \"synack_to_ack_ms\": " << (s.synAckToAck ? optionalMs(s.synAckToAck) : "null")
            << ", \"time_to_first_server_byte_ms\": "
            << (s.timeToFirstServerByte ? optionalMs(s.timeToFirstServerByte) : "null")
            << ", \"retransmissions\": " << s.retransmissions << ", \"dup_acks\": " << s.dupAcks
            << ", \"zero_windows\": " << s.zeroWindows
            << ", \"state\": " << jsonString(connStateCode(s.state))
            << ", \"closed_by\": " << jsonString(closedByText(s.closedBy))
            << ", \"application\": " << applicationJson(capture.application(c.id), (*facts)[c.id])
            << "}";
    }
    out << (capture.connections.empty() ? "]}\n" : "\n]}\n");
}

void printTable(const LoadedCapture& capture, OutputBuffer& out) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "%5s %-28s %-28s %10s %10s %9s %12s %12s %9s %9s %9s %5s %-6s %s\n", "id",
                  "client", "server", "start s", "dur s", "pkts c/s", "bytes c>s", "bytes s>c",
                  "syn-sa ms", "sa-ack ms", "ttfb ms", "retr", "state", "closed by");
    out << line;
    for (const Connection& c : capture.connections) {
        const Side client = c.clientSide();
        const Side server = c.serverSide();
        const ConnectionSummary s = summarizeConnection(capture, c.id);
        const std::string packets =
            std::to_string(c.packets[client]) + "/" + std::to_string(c.packets[server]);
        std::snprintf(line, sizeof line,
                      "%5u %-28s %-28s %10.6f %10.6f %9s %12llu %12llu %9s %9s %9s %5llu %-6s %s\n",
                      c.id, formatEndpoint(c.client().address, c.client().port).c_str(),
                      formatEndpoint(c.server().address, c.server().port).c_str(),
                      static_cast<double>(c.firstTime - capture.firstTime) / 1e9,
                      static_cast<double>(c.lastTime - c.firstTime) / 1e9, packets.c_str(),
                      static_cast<unsigned long long>(c.payloadBytes[client]),
                      static_cast<unsigned long long>(c.payloadBytes[server]),
                      optionalMs(s.synToSynAck).c_str(), optionalMs(s.synAckToAck).c_str(),
                      optionalMs(s.timeToFirstServerByte).c_str(),
                      static_cast<unsigned long long>(s.retransmissions),
                      std::string(connStateCode(s.state)).c_str(),
                      std::string(closedByText(s.closedBy)).c_str());
        out << line;
    }
}

} // namespace

void printConnections(const LoadedCapture& capture, Format format, OutputBuffer& out) {
    switch (format) {
    case Format::Tsv:
        printTsv(capture, out);
        break;
    case Format::Json:
        printJson(capture, out);
        break;
    default:
        printTable(capture, out);
        break;
    }
}

} // namespace tcpladder::cli
