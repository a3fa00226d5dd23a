#pragma once

#include <cstdint>
#include <string>

namespace tcpladder {

// "FSRPAUEC" letters of the set flags in that order; "-" when none.
std::string flagLetters(std::uint8_t flags);
// The sorted, comma-separated analysis words; "-" when none.
std::string analysisWords(std::uint16_t analysis);

} // namespace tcpladder
