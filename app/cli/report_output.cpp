#include "report_output.h"

#include "report_reasons.h"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace tcpladder::cli {
namespace {

// One line of the report, whatever the format.
struct Line {
    const char* question; // "slow", "cut-short", "trouble"
    std::uint32_t connection;
    std::string reason;
    std::string numbers; // JSON members after the common ones, with a leading ", "
};

std::string msText(TimeNs value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(value) / 1e6);
    return text;
}

std::string msOrNull(const std::optional<TimeNs>& value) {
    return value ? msText(*value) : "null";
}

std::string fileOf(const LoadedCapture& capture, std::uint32_t id) {
    const CaptureFile* file = capture.fileOfFrame(capture.connections[id].firstFrame);
    return file ? file->path : capture.path;
}

std::uint64_t totalBytes(const Connection& c) {
    return c.payloadBytes[kSideA] + c.payloadBytes[kSideB];
}

std::string slowRequestJson(const ConnectionFacts& facts, const SlowRule& rule) {
    const HttpExchange* request = rule.firstSlowRequest(facts);
    if (!request)
        return "null";
    return "{\"index\": " + std::to_string(request->index) +
           ", \"method\": " + jsonString(request->method) +
           ", \"target\": " + jsonString(request->target) +
           ", \"status\": " + (request->status ? std::to_string(request->status) : "null") +
           ", \"response_frame\": " + std::to_string(request->responseFrame) +
           ", \"wait_ms\": " + msText(request->wait) +
           ", \"threshold_ms\": " + msText(rule.requestThreshold(facts, *request)) + "}";
}

std::vector<Line> slowLines(const CaptureReport& report, const LoadedCapture& capture,
                            const ReportArguments& arguments) {
    std::vector<Line> lines;
    const SlowRule& rule = arguments.report.slow;
    std::vector<std::uint32_t> ids;
    if (arguments.allSlow) {
        for (std::uint32_t id = 0; id < report.facts.size(); ++id) {
            const bool wanted = !arguments.report.server ||
                                arguments.report.server->matches(capture.connections[id].server());
            if (wanted && rule.isSlow(report.facts[id]))
                ids.push_back(id);
        }
    } else if (report.firstSlow) {
        ids.push_back(*report.firstSlow);
    }
    for (std::uint32_t id : ids) {
        const ConnectionFacts& facts = report.facts[id];
        const ConnectionSummary& s = facts.summary;
        lines.push_back(
            {"slow", id, slowReason(facts, rule),
             ", \"first\": " + std::string(report.firstSlow == id ? "true" : "false") +
                 ", \"handshake_rtt_ms\": " + msOrNull(s.handshakeRtt()) +
                 ", \"rtt_threshold_ms\": " + msText(rule.rttThreshold(facts)) +
                 ", \"time_to_first_server_byte_ms\": " + msOrNull(s.timeToFirstServerByte) +
                 ", \"ttfb_threshold_ms\": " + msText(rule.ttfbThreshold(facts)) +
                 ", \"server_think_time_ms\": " + msOrNull(s.serverThinkTime()) +
                 ", \"rtt_slow\": " + (rule.rttSlow(facts) ? "true" : "false") +
                 ", \"ttfb_slow\": " + (rule.ttfbSlow(facts) ? "true" : "false") +
                 ", \"slow_request\": " + slowRequestJson(facts, rule)});
    }
    return lines;
}

std::vector<Line> cutLines(const CaptureReport& report, const LoadedCapture& capture) {
    std::vector<Line> lines;
    for (std::uint32_t id : report.cutShort) {
        const ConnectionSummary& s = report.facts[id].summary;
        const std::uint64_t total = totalBytes(capture.connections[id]);
        lines.push_back({"cut-short", id, cutReason(report.facts[id], total),
                         ", \"how\": \"" + std::string(cutWord(s.clientCut)) +
                             "\", \"closed_by\": " + jsonString(closedByText(s.closedBy)) +
                             ", \"bytes_before_close\": " + std::to_string(s.bytesBeforeClose) +
                             ", \"bytes_total\": " + std::to_string(total) +
                             ", \"close_after_ms\": " + msText(s.closeAfter)});
    }
    return lines;
}

std::vector<Line> troubleLines(const CaptureReport& report) {
    std::vector<Line> lines;
    for (const TroubleFinding& t : report.trouble) {
        const ConnectionSummary& s = report.facts[t.connection].summary;
        lines.push_back({"trouble", t.connection, troubleReason(report.facts[t.connection], t),
                         ", \"retransmissions\": " + std::to_string(s.retransmissions) +
                             ", \"dup_acks\": " + std::to_string(s.dupAcks) +
                             ", \"zero_windows\": " + std::to_string(s.zeroWindows) +
                             ", \"stalls\": " + std::to_string(t.stalls) +
                             ", \"stalled_ms\": " + msText(t.stalledTime) +
                             ", \"longest_stall_ms\": " + msText(t.longestStall)});
    }
    return lines;
}

std::string endpointOf(const Endpoint& endpoint) {
    return formatEndpoint(endpoint.address, endpoint.port);
}

void printJsonLine(const LoadedCapture& capture, const Line& line, OutputBuffer& out) {
    const Connection& c = capture.connections[line.connection];
    out << "{\"question\": \"" << line.question
        << "\", \"file\": " << jsonString(fileOf(capture, line.connection))
        << ", \"id\": " << line.connection << ", \"client\": " << jsonString(endpointOf(c.client()))
        << ", \"server\": " << jsonString(endpointOf(c.server()))
        << ", \"start\": " << LoadedCapture::epochText(capture.connectionStarts[line.connection])
        << ", \"reason\": " << jsonString(line.reason) << line.numbers << "}\n";
}

void printTsvLine(const LoadedCapture& capture, const Line& line, OutputBuffer& out) {
    const Connection& c = capture.connections[line.connection];
    out << line.question << '\t' << fileOf(capture, line.connection) << '\t' << line.connection
        << '\t' << endpointOf(c.client()) << '\t' << endpointOf(c.server()) << '\t'
        << LoadedCapture::epochText(capture.connectionStarts[line.connection]) << '\t'
        << line.reason << '\n';
}

void printTextLines(const LoadedCapture& capture, const std::vector<Line>& lines,
                    OutputBuffer& out) {
    for (const Line& line : lines) {
        const Connection& c = capture.connections[line.connection];
        out << "  " << std::filesystem::path(fileOf(capture, line.connection)).filename().string()
            << " #" << line.connection << "  " << endpointOf(c.client()) << " -> "
            << endpointOf(c.server()) << "  " << capture.utcText(c.firstTime) << "\n    "
            << line.reason << '\n';
    }
}

void printText(const LoadedCapture& capture, const ReportArguments& arguments,
               const std::vector<Line>& slow, const std::vector<Line>& cut,
               const std::vector<Line>& trouble, OutputBuffer& out) {
    out << std::to_string(capture.files.size())
        << (capture.files.size() == 1 ? " file, " : " files, ")
        << std::to_string(capture.connections.size()) << " TCP connections";
    if (arguments.report.server)
        out << " (only those to the server asked for count)";
    out << "\n\n1. " << (arguments.allSlow ? "Slow connections" : "First slow connection") << ":"
        << (slow.empty() ? " none\n" : "\n");
    printTextLines(capture, slow, out);
    out << "\n2. Cut short by the client: "
        << (cut.empty() ? "none\n" : std::to_string(cut.size()) + "\n");
    printTextLines(capture, cut, out);
    out << "\n3. Loss, stalls or zero windows, worst first: "
        << (trouble.empty() ? "none\n" : std::to_string(trouble.size()) + "\n");
    printTextLines(capture, trouble, out);
}

} // namespace

void printReport(const LoadedCapture& capture, const CaptureReport& report,
                 const ReportArguments& arguments, OutputBuffer& out) {
    const std::vector<Line> slow = slowLines(report, capture, arguments);
    const std::vector<Line> cut = cutLines(report, capture);
    const std::vector<Line> trouble = troubleLines(report);
    if (arguments.format == ReportFormat::Text) {
        printText(capture, arguments, slow, cut, trouble, out);
        return;
    }
    if (arguments.format == ReportFormat::Tsv)
        out << "question\tfile\tid\tclient\tserver\tstart\treason\n";
    for (const std::vector<Line>* lines : {&slow, &cut, &trouble}) {
        for (const Line& line : *lines) {
            if (arguments.format == ReportFormat::Json)
                printJsonLine(capture, line, out);
            else
                printTsvLine(capture, line, out);
        }
    }
}

} // namespace tcpladder::cli
