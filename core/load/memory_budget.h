#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcpladder {

// How much memory a load may give the index (packet records, connections)
// before it stops, so that a capture larger than the machine ends in a
// partial but usable load instead of the OOM killer.

// Half of the memory this process may use: physical memory, or the
// container's cgroup limit when lower. The other half stays for the views,
// the desktop and whatever else the user runs.
std::uint64_t defaultMemoryBudget();
// The same from given figures: 4 GiB when neither is known (0).
std::uint64_t memoryBudgetFor(std::uint64_t physicalBytes, std::uint64_t cgroupLimitBytes);

// "512M", "2G", "1.5G", "64k", "1000000": binary units K, M, G, T (an
// optional trailing "B" or "iB"); nothing when not a positive size.
std::optional<std::uint64_t> parseMemorySize(std::string_view text);

// "512 MiB", "1.5 GiB", "900 bytes".
std::string formatMemorySize(std::uint64_t bytes);

// "loaded the first N packets (X of Y); the memory budget is Z": X is how
// much of the file those packets fill.
std::string budgetStopMessage(std::uint64_t packets, std::uint64_t bytesLoaded,
                              std::uint64_t fileSize, std::uint64_t budget);

} // namespace tcpladder
