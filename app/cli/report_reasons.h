#pragma once

#include "analysis/capture_report.h"

#include <string>

namespace tcpladder::cli {

// The one line a person would write about a finding: "server think time
// 1.04 s (first byte after 1.06 s, slow above 300 ms)", "client RST after
// 301 kB of 5.00 MB, 1.20 s in".
std::string slowReason(const ConnectionFacts& facts, const SlowRule& rule);
std::string cutReason(const ConnectionFacts& facts, std::uint64_t totalBytes);
std::string troubleReason(const ConnectionFacts& facts, const TroubleFinding& trouble);

// Machine words for how the client cut a connection short.
const char* cutWord(ClientCut cut);

} // namespace tcpladder::cli
