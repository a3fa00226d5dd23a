#pragma once

#include "messages/application_summary.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace tcpladder {

// A compact byte form of an ApplicationSummary, for keeping one per
// connection of a large capture: only the fields that differ from their
// defaults, integers as varints, and an exchange that is also the first or
// the slowest written once. A typical summary takes 30–80 bytes, against the
// struct's ~500 with its allocations. The form lives in memory only and has
// no version.
void encodeSummary(const ApplicationSummary& summary, std::vector<std::uint8_t>& out);
// Empty when the bytes are not a whole summary.
std::optional<ApplicationSummary> decodeSummary(std::span<const std::uint8_t> bytes);

} // namespace tcpladder
