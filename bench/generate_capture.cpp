// tcpladder-bench-generate: writes a deterministic synthetic capture of HTTP downloads for
// benchmarks and for checking tcpladder against Wireshark on traffic of any size.

#include "generator/connection_planner.h"
#include "generator/frame_encoder.h"
#include "generator/generator_options.h"
#include "generator/pcap_output.h"
#include "generator/random.h"

#include <chrono>
#include <cstdio>
#include <queue>
#include <utility>
#include <vector>

using namespace tcpladder::bench;

namespace {

// 2024-01-01 00:00:00 UTC: a fixed epoch keeps the file byte-identical for a given seed.
constexpr std::int64_t captureStartNs = 1'704'067'200LL * 1'000'000'000LL;
constexpr std::int64_t initialSpreadNs = 1'000'000'000;

struct Totals {
    std::uint64_t packets = 0;
    std::uint64_t connections = 0;
    std::uint64_t dropped = 0;
    std::uint64_t retransmitted = 0;
    std::uint64_t reordered = 0;
    std::uint64_t zeroWindowEpisodes = 0;
    std::uint64_t windowProbes = 0;
    std::uint64_t resets = 0;

    void add(const ConnectionStats& stats) {
        ++connections;
        dropped += stats.dropped;
        retransmitted += stats.retransmitted;
        reordered += stats.reordered;
        zeroWindowEpisodes += stats.zeroWindowEpisodes;
        windowProbes += stats.windowProbes;
        resets += stats.reset ? 1 : 0;
    }
};

struct ActiveConnection {
    Connection connection;
    std::size_t cursor = 0;
};

// Merges the active connections' packets by timestamp; a finished connection's slot is taken
// by the next one a moment later, so --concurrency connections stay open throughout.
Totals writeCapture(const GeneratorOptions& options, PcapOutput& output) {
    FrameEncoder encoder(options.snaplen, static_cast<std::uint16_t>(options.payload),
                         options.seed);
    ConnectionPlanner planner(options);
    Random timing(options.seed ^ 0x74696d65ULL);
    Totals totals;

    using Ready = std::pair<std::int64_t, std::uint32_t>; // next packet time, slot
    std::priority_queue<Ready, std::vector<Ready>, std::greater<>> ready;
    std::vector<ActiveConnection> slots;
    while (slots.size() < options.concurrency && !planner.done()) {
        const std::int64_t start = captureStartNs + timing.between(0, initialSpreadNs);
        slots.push_back({planner.next(start), 0});
        ready.emplace(slots.back().connection.packets.front().timeNs, slots.size() - 1);
    }
    while (!ready.empty()) {
        const auto [timeNs, slot] = ready.top();
        ready.pop();
        ActiveConnection& active = slots[slot];
        encoder.write(output, active.connection, active.connection.packets[active.cursor]);
        ++totals.packets;
        if (++active.cursor < active.connection.packets.size()) {
            ready.emplace(active.connection.packets[active.cursor].timeNs, slot);
            continue;
        }
        totals.add(active.connection.stats);
        if (!planner.done()) {
            const auto pause = static_cast<std::int64_t>(timing.logUniform(100e3, 50e6));
            active = {planner.next(timeNs + pause), 0};
            ready.emplace(active.connection.packets.front().timeNs, slot);
        }
    }
    return totals;
}

} // namespace

int main(int argc, char** argv) {
    GeneratorOptions options;
    std::string error;
    switch (parseGeneratorOptions(argc, argv, options, error)) {
    case ParseOutcome::Help:
        std::fputs(generatorUsage(), stdout);
        return 0;
    case ParseOutcome::Error:
        std::fprintf(stderr, "tcpladder-bench-generate: %s\n%s", error.c_str(), generatorUsage());
        return 2;
    case ParseOutcome::Run:
        break;
    }

    const auto started = std::chrono::steady_clock::now();
    PcapOutput output;
    if (!output.open(options.output, options.snaplen, options.nanoseconds, error)) {
        std::fprintf(stderr, "tcpladder-bench-generate: %s\n", error.c_str());
        return 1;
    }
    const Totals totals = writeCapture(options, output);
    const std::uint64_t bytes = output.bytesWritten();
    if (!output.close(error)) {
        std::fprintf(stderr, "tcpladder-bench-generate: %s: %s\n", options.output.c_str(),
                     error.c_str());
        return 1;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!options.quiet) {
        std::fprintf(stderr,
                     "%s: %llu packets, %llu connections (%llu reset by the client, %llu "
                     "zero-window episodes, %llu window probes), %llu segments dropped, %llu "
                     "retransmitted, %llu reordered; %.1f MB in %.2f s (%.2f Mpackets/s)\n",
                     options.output.c_str(), static_cast<unsigned long long>(totals.packets),
                     static_cast<unsigned long long>(totals.connections),
                     static_cast<unsigned long long>(totals.resets),
                     static_cast<unsigned long long>(totals.zeroWindowEpisodes),
                     static_cast<unsigned long long>(totals.windowProbes),
                     static_cast<unsigned long long>(totals.dropped),
                     static_cast<unsigned long long>(totals.retransmitted),
                     static_cast<unsigned long long>(totals.reordered),
                     static_cast<double>(bytes) / 1e6, seconds,
                     static_cast<double>(totals.packets) / seconds / 1e6);
    }
    return 0;
}
