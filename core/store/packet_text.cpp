#include "store/packet_text.h"

#include "tcp/analysis_flags.h"

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

} // namespace tcpladder
