#include "analysis/capture_report.h"

#include <algorithm>
#include <tuple>

namespace tcpladder {
namespace {

TroubleFinding troubleOf(const LoadedCapture& capture, std::uint32_t id,
                         const TimelineThresholds& thresholds) {
    TroubleFinding finding;
    finding.connection = id;
    for (const Silence& stall : findStalls(capture, id, thresholds)) {
        ++finding.stalls;
        finding.stalledTime += stall.length();
        if (stall.length() > finding.longestStall) {
            finding.longestStall = stall.length();
            finding.longestStallBytes = stall.outstanding;
            finding.longestStallFromClient = stall.outstandingFromClient;
        }
    }
    return finding;
}

} // namespace

bool worseTrouble(const TroubleFinding& a, const TroubleFinding& b,
                  const std::vector<ConnectionFacts>& facts) {
    const ConnectionSummary& x = facts[a.connection].summary;
    const ConnectionSummary& y = facts[b.connection].summary;
    return std::tuple(b.stalledTime, b.longestStall, y.retransmissions, y.zeroWindows,
                      a.connection) < std::tuple(a.stalledTime, a.longestStall, x.retransmissions,
                                                 x.zeroWindows, b.connection);
}

CaptureReport buildCaptureReport(const LoadedCapture& capture, const ReportOptions& options) {
    CaptureReport report;
    report.facts = *computeConnectionFacts(capture);
    // Connection ids follow the first packet in file order; "first" means
    // earliest start, which differs only where a file's clock steps back.
    std::vector<std::uint32_t> byStart;
    for (std::uint32_t id = 0; id < capture.connections.size(); ++id) {
        if (!options.server || options.server->matches(capture.connections[id].server()))
            byStart.push_back(id);
    }
    std::stable_sort(byStart.begin(), byStart.end(), [&](std::uint32_t a, std::uint32_t b) {
        return capture.connections[a].firstTime < capture.connections[b].firstTime;
    });
    for (std::uint32_t id : byStart) {
        const ConnectionFacts& facts = report.facts[id];
        if (!report.firstSlow && options.slow.isSlow(facts))
            report.firstSlow = id;
        if (facts.clientCutShort())
            report.cutShort.push_back(id);
        TroubleFinding trouble = troubleOf(capture, id, options.thresholds);
        if (trouble.stalls > 0 || facts.summary.retransmissions > 0 ||
            facts.summary.zeroWindows > 0)
            report.trouble.push_back(trouble);
    }
    std::stable_sort(report.trouble.begin(), report.trouble.end(),
                     [&](const TroubleFinding& a, const TroubleFinding& b) {
                         return worseTrouble(a, b, report.facts);
                     });
    return report;
}

} // namespace tcpladder
