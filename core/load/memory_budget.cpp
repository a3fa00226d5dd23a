#include "load/memory_budget.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace tcpladder {

namespace {

// cgroup v2, then v1; 0 when there is none or it reads "max".
std::uint64_t cgroupMemoryLimit() {
    for (const char* path :
         {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
        std::FILE* file = std::fopen(path, "r");
        if (!file)
            continue;
        unsigned long long limit = 0;
        const bool read = std::fscanf(file, "%llu", &limit) == 1;
        std::fclose(file);
        if (read)
            return limit;
    }
    return 0;
}

} // namespace

std::uint64_t memoryBudgetFor(std::uint64_t physicalBytes, std::uint64_t cgroupLimitBytes) {
    std::uint64_t usable = physicalBytes;
    if (cgroupLimitBytes != 0 && (usable == 0 || cgroupLimitBytes < usable))
        usable = cgroupLimitBytes;
    return usable ? usable / 2 : std::uint64_t{4} << 30;
}

std::uint64_t defaultMemoryBudget() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGE_SIZE);
    const std::uint64_t physical =
        pages > 0 && pageSize > 0
            ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize)
            : 0;
    return memoryBudgetFor(physical, cgroupMemoryLimit());
}

std::optional<std::uint64_t> parseMemorySize(std::string_view text) {
    std::size_t digits = 0;
    bool point = false;
    while (digits < text.size() &&
           ((text[digits] >= '0' && text[digits] <= '9') || (text[digits] == '.' && !point))) {
        point = point || text[digits] == '.';
        ++digits;
    }
    if (digits == 0 || (digits == 1 && point))
        return std::nullopt;
    std::string_view unit = text.substr(digits);
    int shift = 0;
    if (!unit.empty()) {
        switch (unit.front()) {
        case 'k':
        case 'K':
            shift = 10;
            break;
        case 'm':
        case 'M':
            shift = 20;
            break;
        case 'g':
        case 'G':
            shift = 30;
            break;
        case 't':
        case 'T':
            shift = 40;
            break;
        case 'b':
        case 'B':
            break;
        default:
            return std::nullopt;
        }
        if (shift != 0)
            unit.remove_prefix(1);
        if (unit == "iB" || unit == "ib" || unit == "B" || unit == "b")
            unit = {};
        if (!unit.empty())
            return std::nullopt;
    }
    const std::string number(text.substr(0, digits));
    const double value = std::strtod(number.c_str(), nullptr) * std::ldexp(1.0, shift);
    // Below a byte or beyond what 64 bits count is no budget at all.
    if (!(value >= 1.0) || value >= 0x1p63)
        return std::nullopt;
    return static_cast<std::uint64_t>(value);
}

std::string formatMemorySize(std::uint64_t bytes) {
    static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + " bytes";
    double value = static_cast<double>(bytes) / 1024;
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(kUnits)) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    // Whole numbers without a decimal ("512 MiB"), others to one place.
    if (std::fabs(value - std::round(value)) < 0.05)
        std::snprintf(text, sizeof text, "%.0f %s", value, kUnits[unit]);
    else
        std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
    return text;
}

std::string budgetStopMessage(std::uint64_t packets, std::uint64_t bytesLoaded,
                              std::uint64_t fileSize, std::uint64_t budget) {
    const std::string first =
        packets == 1 ? "the first packet" : "the first " + std::to_string(packets) + " packets";
    return "loaded " + first + " (" + formatMemorySize(bytesLoaded) + " of " +
           formatMemorySize(fileSize) + "); the memory budget is " + formatMemorySize(budget);
}

} // namespace tcpladder
