#include "report_reasons.h"

#include "common/units_text.h"

namespace tcpladder::cli {
namespace {

std::string plural(std::uint64_t count, const char* word) {
    return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

} // namespace

std::string slowReason(const ConnectionFacts& facts, const SlowRule& rule) {
    const ConnectionSummary& summary = facts.summary;
    std::string reason;
    if (rule.ttfbSlow(facts)) {
        const std::string firstByte = "first server byte after " +
                                      durationText(*summary.timeToFirstServerByte) +
                                      ", slow above " + durationText(rule.ttfbThreshold(facts));
        if (const auto think = summary.serverThinkTime())
            reason = "server think time " + durationText(*think) + " (" + firstByte + ")";
        else
            reason = firstByte;
    }
    if (rule.rttSlow(facts)) {
        if (!reason.empty())
            reason += "; ";
        reason += "handshake RTT " + durationText(*summary.handshakeRtt()) + " (slow above " +
                  durationText(rule.rttThreshold(facts)) + ")";
    }
    if (const HttpExchange* request = rule.firstSlowRequest(facts)) {
        if (!reason.empty())
            reason += "; ";
        reason += "request " + std::to_string(request->index + 1) + " " + request->method + " " +
                  request->target + " waited " + durationText(request->wait) + " for its " +
                  (request->status ? std::to_string(request->status) : std::string("response")) +
                  " at frame " + std::to_string(request->responseFrame) + " (slow above " +
                  durationText(rule.requestThreshold(facts, *request)) + ")";
    }
    return reason;
}

std::string cutReason(const ConnectionFacts& facts, std::uint64_t totalBytes) {
    const ConnectionSummary& summary = facts.summary;
    const std::string when = " after " + bytesText(summary.bytesBeforeClose) + " of " +
                             bytesText(totalBytes) + ", " + durationText(summary.closeAfter) +
                             " in";
    switch (summary.clientCut) {
    case ClientCut::Reset:
        if (summary.closedBy == ClosedBy::ClientRst)
            return "client RST" + when;
        return "client RST (first closed by " + std::string(closedByText(summary.closedBy)) + when +
               ")";
    case ClientCut::FinMidAnswer:
        return "client FIN while the server was still sending," + when;
    case ClientCut::FinBeforeAnswer:
        return "client FIN before the server answered," + when;
    case ClientCut::No:
        break;
    }
    return {};
}

std::string troubleReason(const ConnectionFacts& facts, const TroubleFinding& trouble) {
    const ConnectionSummary& summary = facts.summary;
    std::string reason;
    const auto add = [&](const std::string& part) {
        reason += (reason.empty() ? "" : ", ") + part;
    };
    if (trouble.stalls > 0) {
        std::string stall = "stall " + durationText(trouble.longestStall) + " with " +
                            bytesText(trouble.longestStallBytes) + " from the " +
                            (trouble.longestStallFromClient ? "client" : "server") + " in flight";
        if (trouble.stalls > 1)
            stall += " (" + plural(trouble.stalls, "stall") + ", " +
                     durationText(trouble.stalledTime) + " in all)";
        add(stall);
    }
    if (summary.retransmissions > 0)
        add(plural(summary.retransmissions, "retransmission"));
    if (summary.zeroWindows > 0)
        add(plural(summary.zeroWindows, "zero window"));
    return reason;
}

const char* cutWord(ClientCut cut) {
    switch (cut) {
    case ClientCut::Reset:
        return "rst";
    case ClientCut::FinMidAnswer:
        return "fin-mid-answer";
    case ClientCut::FinBeforeAnswer:
        return "fin-before-answer";
    case ClientCut::No:
        break;
    }
    return "no";
}

} // namespace tcpladder::cli
