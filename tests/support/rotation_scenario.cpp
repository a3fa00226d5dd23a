#include "support/rotation_scenario.h"

#include "support/conversation_builder.h"

#include <fstream>

namespace tcpladder::test {
namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kStart = 1'700'000'000'000'000'000;

void write(const std::string& path, const std::vector<Frame>& frames) {
    const std::vector<std::uint8_t> bytes = buildPcap(frames, {.nanosecond = true});
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

} // namespace

RotationScenario writeRotationScenario(const std::string& directory) {
    Conversation split("10.0.0.1", 40000, "10.0.0.9", 443, kStart);
    split.handshake(10 * kMs, 1 * kMs)
        .clientSends(1 * kMs, 300)
        .serverSends(20 * kMs, 1400)
        .serverSends(1 * kMs, 1400)
        .serverSends(300 * kMs, 1400)
        .clientRst(5 * kMs);
    Conversation slow("10.0.0.2", 40001, "10.0.0.8", 80, kStart + 100 * kMs);
    slow.handshake(400 * kMs, 1 * kMs)
        .clientSends(1 * kMs, 200)
        .serverSends(5 * kMs, 900)
        .serverFin(1 * kMs)
        .clientFin(1 * kMs);
    Conversation lossy("10.0.0.3", 40002, "10.0.0.8", 80, kStart + 150 * kMs);
    lossy.handshake(10 * kMs, 1 * kMs)
        .clientSends(1 * kMs, 100)
        .serverSends(5 * kMs, 1000)
        .serverRetransmits(50 * kMs)
        .clientSends(5 * kMs, 100)
        .serverFin(1 * kMs)
        .clientFin(1 * kMs);

    RotationScenario scenario;
    scenario.directory = directory;
    scenario.earlyFile = directory + "/z-early.pcap";
    scenario.lateFile = directory + "/a-late.pcap";
    scenario.connection0 = split.frames();
    const auto middle = scenario.connection0.begin() + 6;
    write(scenario.earlyFile, {scenario.connection0.begin(), middle});
    write(scenario.lateFile,
          mergeByTime({{middle, scenario.connection0.end()}, slow.frames(), lossy.frames()}));
    return scenario;
}

} // namespace tcpladder::test
