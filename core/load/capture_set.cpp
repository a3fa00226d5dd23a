#include "load/capture_set.h"

#include "capture/capture_opener.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>

namespace tcpladder {
namespace {

void addDirectory(const std::filesystem::path& directory, std::vector<std::string>& files) {
    std::error_code error;
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        std::error_code typeError;
        if (!entry.path().filename().string().starts_with(".") && entry.is_regular_file(typeError))
            found.push_back(entry.path().string());
    }
    if (error || found.empty()) {
        // Left to the loader, which says what is wrong with it.
        files.push_back(directory.string());
        return;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
}

// The first packet's time; none when the file has none or cannot be read.
std::optional<TimeNs> firstPacketTime(const std::string& path) {
    auto source = openCapture(path);
    if (!source)
        return std::nullopt;
    RawPacket packet;
    if (source.value()->next(packet) != ReadStatus::Packet)
        return std::nullopt;
    return packet.timestamp;
}

} // namespace

std::vector<std::string> captureSetFiles(const std::vector<std::string>& arguments) {
    std::vector<std::string> files;
    for (const std::string& argument : arguments) {
        std::error_code error;
        if (std::filesystem::is_directory(argument, error))
            addDirectory(argument, files);
        else
            files.push_back(argument);
    }
    if (files.size() < 2)
        return files;
    struct Keyed {
        std::string path;
        std::optional<TimeNs> first;
    };
    std::vector<Keyed> byName;
    for (std::string& path : files) {
        const std::optional<TimeNs> first = firstPacketTime(path);
        byName.push_back({std::move(path), first});
    }
    // Files without a readable packet sort by name among the others' times:
    // give them the time of the file named just before them.
    std::sort(byName.begin(), byName.end(),
              [](const Keyed& a, const Keyed& b) { return a.path < b.path; });
    TimeNs previous = std::numeric_limits<TimeNs>::min();
    for (Keyed& entry : byName) {
        if (entry.first)
            previous = *entry.first;
        else
            entry.first = previous;
    }
    std::stable_sort(byName.begin(), byName.end(), [](const Keyed& a, const Keyed& b) {
        return *a.first != *b.first ? *a.first < *b.first : a.path < b.path;
    });
    files.clear();
    for (Keyed& entry : byName)
        files.push_back(std::move(entry.path));
    return files;
}

} // namespace tcpladder
