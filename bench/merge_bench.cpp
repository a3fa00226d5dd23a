// Merging two capture points against loading both captures one after the
// other, in one process and interleaved rounds: load A then B (default
// options, as a user opens each file); load both and merge (tcpladder-cli
// connections A B); the two loads as the merge makes them (without the
// application summaries, pointLoadOptions); and the merge step alone on
// captures already loaded. Prints Markdown rows: what, median milliseconds,
// ratio to loading both.
#include "load/capture_loader.h"
#include "merge/merged_capture.h"
#include "merge/two_point_loader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace tcpladder;

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// CPU time of every thread of the process: steadier than wall time on a busy machine.
double cpuMilliseconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: tcpladder-bench-merge A B [ROUNDS]\n");
        return 2;
    }
    const int rounds = argc == 4 ? std::max(1, std::atoi(argv[3])) : 5;
    std::vector<double> loadBoth, loadAndMerge, pointLoads, mergeStep;
    std::vector<double> loadBothCpu, loadAndMergeCpu, pointLoadsCpu, mergeStepCpu;
    std::size_t connections = 0;
    std::uint64_t lost = 0;
    IdenticalRuns runs;
    for (int round = 0; round < rounds; ++round) {
        auto start = std::chrono::steady_clock::now();
        double cpu = cpuMilliseconds();
        const auto a = loadCapture(argv[1]);
        const auto b = loadCapture(argv[2]);
        loadBoth.push_back(millisecondsSince(start));
        loadBothCpu.push_back(cpuMilliseconds() - cpu);
        if (!a || !b) {
            std::fprintf(stderr, "%s\n", (a ? b : a).error().c_str());
            return 1;
        }
        start = std::chrono::steady_clock::now();
        cpu = cpuMilliseconds();
        // As `tcpladder-cli connections A B` does: the per-connection figures.
        const auto merged = loadAndMergeCaptures(
            argv[1], argv[2], {}, {.knownOffset = std::nullopt, .keepPackets = false});
        loadAndMerge.push_back(millisecondsSince(start));
        loadAndMergeCpu.push_back(cpuMilliseconds() - cpu);
        if (!merged) {
            std::fprintf(stderr, "%s\n", merged.error().c_str());
            return 1;
        }
        start = std::chrono::steady_clock::now();
        cpu = cpuMilliseconds();
        const auto pointA = loadCapture(argv[1], pointLoadOptions({}));
        const auto pointB = loadCapture(argv[2], pointLoadOptions({}));
        pointLoads.push_back(millisecondsSince(start));
        pointLoadsCpu.push_back(cpuMilliseconds() - cpu);
        if (!pointA || !pointB) {
            std::fprintf(stderr, "%s\n", (pointA ? pointB : pointA).error().c_str());
            return 1;
        }
        start = std::chrono::steady_clock::now();
        cpu = cpuMilliseconds();
        const auto again = mergeCaptures(a.value(), b.value(),
                                         {.knownOffset = std::nullopt, .keepPackets = false});
        mergeStep.push_back(millisecondsSince(start));
        mergeStepCpu.push_back(cpuMilliseconds() - cpu);
        connections = again->connections.size();
        runs = again->identicalRuns;
        lost = 0;
        for (const MergedConnection& c : again->connections)
            lost += c.lostBetween[0] + c.lostBetween[1] + c.onlyAtReceiver[0] + c.onlyAtReceiver[1];
    }
    const double both = median(loadBoth);
    const double bothCpu = median(loadBothCpu);
    const auto row = [&](const std::string& what, const std::vector<double>& wall,
                         const std::vector<double>& cpuTimes) {
        std::printf("| %s | %.1f | %.2f | %.1f | %.2f |\n", what.c_str(), median(wall),
                    median(wall) / both, median(cpuTimes), median(cpuTimes) / bothCpu);
    };
    std::printf(
        "| what | wall ms | × load both | CPU ms | × load both |\n|---|---:|---:|---:|---:|\n");
    row("load A, then B", loadBoth, loadBothCpu);
    row("load A and B, merge", loadAndMerge, loadAndMergeCpu);
    row("its two loads alone (no application summaries)", pointLoads, pointLoadsCpu);
    row("merge step alone (" + std::to_string(connections) + " connections, " +
            std::to_string(lost) + " packets at one point only)",
        mergeStep, mergeStepCpu);
    std::printf("\nRuns of identical copies timing could not place for sure: %llu; told apart "
                "by IP ID and TSval: %llu; packets re-read for them: %llu.\n",
                static_cast<unsigned long long>(runs.ambiguous),
                static_cast<unsigned long long>(runs.toldApart),
                static_cast<unsigned long long>(runs.packetsReread));
    return 0;
}
