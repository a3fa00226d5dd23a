#pragma once

#include "common/time_ns.h"

#include <cstdint>
#include <string>

namespace tcpladder {

// "FSRPAUEC" letters of the set flags in that order; "-" when none.
std::string flagLetters(std::uint8_t flags);
// The sorted, comma-separated analysis words; "-" when none.
std::string analysisWords(std::uint16_t analysis);

class PacketRecord;

// One line of the text ladder, as in the classic pcap-analysis walkthrough:
// client-to-server arrows on the left, server-to-client ones pushed right,
// then the analysis words. `sinceFirst` is the time since the connection's
// first packet. No newline.
std::string ladderLine(const PacketRecord& packet, bool toServer, TimeNs sinceFirst);
// The indent of a server-to-client line, for text laid out beside the ladder.
inline constexpr const char* kLadderServerIndent = "                                            ";

} // namespace tcpladder
