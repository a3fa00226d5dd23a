// libFuzzer entry: the re-reader by offset, as the details pane uses it. The
// input is loaded from memory, written to a memory file, and the stored
// packets' details are re-read from that file by the offsets the load kept.
// Offsets that start no record are not tried: there the re-reader
// allocates and zeroes whatever size the bytes claim (up to 256 MiB) before it
// finds the file shorter, which makes each input take seconds.
#include "load/capture_loader.h"
#include "load/packet_details.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace {

// Keeps the optimizer from dropping what the target reads.
volatile std::uint64_t sink = 0;

constexpr std::size_t kMaxDetails = 200;

// One memory file for the whole run, rewritten for each input.
const std::string& fileWith(const std::uint8_t* data, std::size_t size) {
    static const int fd = memfd_create("fuzz_reread", 0);
    static const std::string path = "/proc/self/fd/" + std::to_string(fd);
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size))
        std::abort();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = fileWith(data, size);
    auto loaded = tcpladder::loadCaptureFromMemory(data, size);
    if (!loaded)
        return 0;
    tcpladder::LoadedCapture& capture = *loaded.value();
    capture.path = path;
    std::size_t read = 0;
    std::size_t asked = 0;
    for (std::uint32_t c = 0; c < capture.connections.size(); ++c) {
        for (std::size_t i = 0; i < capture.packets.packetCount(c) && asked < kMaxDetails;
             ++i, ++asked) {
            auto details = tcpladder::readPacketDetails(capture, c, i);
            if (details)
                read += details->capturedLength + details->tcp.segment.payloadLength;
        }
    }
    sink = read;
    return 0;
}
