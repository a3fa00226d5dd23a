#include "store/packet_text.h"

#include "store/packet_store.h"
#include "tcp/analysis_flags.h"

#include <cstdio>

namespace tcpladder {

std::string flagLetters(std::uint8_t flags) {
    static constexpr char kLetters[] = "FSRPAUEC";
    std::string text;
    for (int bit = 0; bit < 8; ++bit) {
        if (flags & (1u << bit))
            text += kLetters[bit];
    }
    return text.empty() ? "-" : text;
}

std::string analysisWords(std::uint16_t analysis) {
    // AnalysisFlag bits are declared in alphabetical order of their words.
    static constexpr const char* kWords[kAnalysisFlagCount] = {
        "ack-lost-segment", "dup-ack",       "fast-retransmission", "keep-alive",
        "lost-segment",     "out-of-order",  "retransmission",      "spurious-retransmission",
        "window-full",      "window-update", "zero-window",
    };
    std::string text;
    for (int bit = 0; bit < kAnalysisFlagCount; ++bit) {
        if (analysis & (1u << bit)) {
            if (!text.empty())
                text += ',';
            text += kWords[bit];
        }
    }
    return text.empty() ? "-" : text;
}

std::string ladderLine(const PacketRecord& packet, bool toServer, TimeNs sinceFirst) {
    const std::string analysis = analysisWords(packet.analysis());
    const bool marked = analysis != "-";
    char line[320];
    std::snprintf(
        line, sizeof line, "%s%s[%6llu] %12ss flag=%-4s seq=%-10u ack=%-10u len=%-6u win=%-8u%s%s",
        toServer ? "" : kLadderServerIndent, toServer ? "-->" : "<--",
        static_cast<unsigned long long>(packet.frame()), formatSeconds(sinceFirst).c_str(),
        flagLetters(packet.flags()).c_str(), packet.relativeSeq(), packet.relativeAck(),
        packet.payloadLength(), packet.window(), marked ? " " : "", marked ? analysis.c_str() : "");
    return line;
}

} // namespace tcpladder
