#include "load/loaded_capture.h"

#include "capture/packet_rereader.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iterator>

namespace tcpladder {
namespace {

struct SplitTime {
    std::int64_t seconds;
    std::int64_t nanoseconds; // 0 ..< 1e9
};

SplitTime split(std::int64_t epochSeconds, std::int64_t time) {
    std::int64_t seconds = time / kNsPerSecond;
    std::int64_t nanoseconds = time % kNsPerSecond;
    if (nanoseconds < 0) {
        nanoseconds += kNsPerSecond;
        --seconds;
    }
    return {epochSeconds + seconds, nanoseconds};
}

} // namespace

const CaptureFile* LoadedCapture::fileAtOffset(std::uint64_t offset) const {
    const auto after = std::upper_bound(
        files.begin(), files.end(), offset,
        [](std::uint64_t value, const CaptureFile& file) { return value < file.offsetBase; });
    return after == files.begin() ? nullptr : &*std::prev(after);
}

const CaptureFile* LoadedCapture::fileOfFrame(std::uint64_t frame) const {
    const auto after = std::upper_bound(
        files.begin(), files.end(), frame,
        [](std::uint64_t value, const CaptureFile& file) { return value < file.firstFrame; });
    return after == files.begin() ? nullptr : &*std::prev(after);
}

Result<RereadPacket> LoadedCapture::reread(std::uint64_t offset) const {
    const CaptureFile* file = fileAtOffset(offset);
    if (!file || !file->rereader)
        return Error{rereadUnavailable.empty() ? std::string("the capture was not read from a file")
                                               : rereadUnavailable};
    return file->rereader->read(offset - file->offsetBase);
}

std::string LoadedCapture::epochText(TimeNs time) const {
    return epochText(EpochTime{epochSeconds, time});
}

std::string LoadedCapture::epochText(EpochTime time) {
    const SplitTime t = split(time.second, time.nanosecond);
    if (t.seconds < 0 && t.nanoseconds > 0)
        return formatSeconds(-((-t.seconds - 1) * kNsPerSecond + (kNsPerSecond - t.nanoseconds)));
    char text[48];
    std::snprintf(text, sizeof text, "%lld.%09lld", static_cast<long long>(t.seconds),
                  static_cast<long long>(t.nanoseconds));
    return text;
}

std::string LoadedCapture::utcText(TimeNs time) const {
    const SplitTime t = split(epochSeconds, time);
    const std::time_t seconds = static_cast<std::time_t>(t.seconds);
    std::tm utc{};
    char date[32] = "?";
    if (gmtime_r(&seconds, &utc))
        std::strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%s.%09lld UTC", date, static_cast<long long>(t.nanoseconds));
    return text;
}

} // namespace tcpladder
