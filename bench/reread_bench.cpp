// Re-reading packets by offset after a load, as the details pane and the
// chart's SACK reader do: one packet near the end of the file (from a
// decompression checkpoint when the file is compressed), the same packet
// again, and every packet of the last connection in order. Prints Markdown
// rows: what, milliseconds, decompression restarts.
#include "capture/packet_rereader.h"
#include "load/capture_loader.h"
#include "load/packet_details.h"

#include <chrono>
#include <cstdio>

using namespace tcpladder;

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: tcpladder-bench-reread CAPTURE\n");
        return 2;
    }
    const auto loaded = loadCapture(argv[1]);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 1;
    }
    const LoadedCapture& capture = *loaded.value();
    if (!capture.files.front().rereader || capture.connections.empty()) {
        std::fprintf(stderr, "nothing to re-read: %s\n", capture.rereadUnavailable.c_str());
        return 1;
    }
    // The connection whose last packet lies furthest into the file.
    std::uint32_t last = 0;
    std::uint64_t lastOffset = 0;
    for (std::uint32_t c = 0; c < capture.connections.size(); ++c) {
        const std::size_t count = capture.packets.packetCount(c);
        if (count && capture.packets.at(c, count - 1).fileOffset() >= lastOffset) {
            lastOffset = capture.packets.at(c, count - 1).fileOffset();
            last = c;
        }
    }
    const std::size_t count = capture.packets.packetCount(last);
    const auto timed = [&](const char* what, auto&& body) {
        const std::uint64_t restartsBefore =
            capture.files.front().rereader->decompressionRestarts();
        const auto start = std::chrono::steady_clock::now();
        const bool ok = body();
        const double ms = millisecondsSince(start);
        std::printf("| %s | %.2f | %llu |%s\n", what, ms,
                    static_cast<unsigned long long>(
                        capture.files.front().rereader->decompressionRestarts() - restartsBefore),
                    ok ? "" : " (failed)");
    };
    std::printf("re-reading %s at decompressed offset %llu of the file\n\n", argv[1],
                static_cast<unsigned long long>(lastOffset));
    std::printf("| re-read | ms | decompression restarts |\n|---|---:|---:|\n");
    timed("the last packet, first time",
          [&] { return readPacketDetails(capture, last, count - 1).ok(); });
    timed("the same packet again",
          [&] { return readPacketDetails(capture, last, count - 1).ok(); });
    timed("the first packet of the file's first connection",
          [&] { return readPacketDetails(capture, 0, 0).ok(); });
    timed("the last packet again, after that",
          [&] { return readPacketDetails(capture, last, count - 1).ok(); });
    char what[96];
    std::snprintf(what, sizeof what, "all %zu packets of that connection, in order", count);
    timed(what, [&] {
        bool ok = true;
        for (std::size_t i = 0; i < count; ++i)
            ok = readPacketDetails(capture, last, i).ok() && ok;
        return ok;
    });
    return 0;
}
