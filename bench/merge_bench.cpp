// Merging two capture points against loading both captures one after the
// other, in one process and interleaved rounds: load A then B; load both and
// merge (tcpladder-cli connections A B); and the merge step alone on captures
// already loaded. Prints Markdown rows: what, median milliseconds, ratio to
// loading both.
#include "load/capture_loader.h"
#include "merge/merged_capture.h"
#include "merge/two_point_loader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace tcpladder;

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
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
    std::vector<double> loadBoth, loadAndMerge, mergeStep;
    std::size_t connections = 0;
    std::uint64_t lost = 0;
    for (int round = 0; round < rounds; ++round) {
        auto start = std::chrono::steady_clock::now();
        const auto a = loadCapture(argv[1]);
        const auto b = loadCapture(argv[2]);
        loadBoth.push_back(millisecondsSince(start));
        if (!a || !b) {
            std::fprintf(stderr, "%s\n", (a ? b : a).error().c_str());
            return 1;
        }
        start = std::chrono::steady_clock::now();
        const auto merged = loadAndMergeCaptures(argv[1], argv[2]);
        loadAndMerge.push_back(millisecondsSince(start));
        if (!merged) {
            std::fprintf(stderr, "%s\n", merged.error().c_str());
            return 1;
        }
        start = std::chrono::steady_clock::now();
        const auto again = mergeCaptures(a.value(), b.value());
        mergeStep.push_back(millisecondsSince(start));
        connections = again->connections.size();
        lost = 0;
        for (const MergedConnection& c : again->connections)
            lost += c.lostBetween[0] + c.lostBetween[1] + c.onlyAtReceiver[0] + c.onlyAtReceiver[1];
    }
    const double both = median(loadBoth);
    std::printf("| load A, then B | %.1f | 1.00 |\n", both);
    std::printf("| load A and B side by side, merge | %.1f | %.2f |\n", median(loadAndMerge),
                median(loadAndMerge) / both);
    std::printf(
        "| merge step alone (%zu connections, %llu packets at one point only) | %.1f | %.2f |\n",
        connections, static_cast<unsigned long long>(lost), median(mergeStep),
        median(mergeStep) / both);
    return 0;
}
