// libFuzzer entry: a whole capture file in memory through the same path a
// file takes (reader, decoders, tracker, index), then the per-connection
// summaries and a walk in file order, which read everything the load stored.
#include "analysis/connection_summary.h"
#include "load/capture_loader.h"
#include "store/file_order.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto loaded = tcpladder::loadCaptureFromMemory(data, size);
    if (!loaded)
        return 0;
    const tcpladder::LoadedCapture& capture = *loaded.value();
    std::uint64_t sum = 0;
    for (std::uint32_t c = 0; c < capture.connections.size(); ++c)
        sum += tcpladder::summarizeConnection(capture, c).retransmissions;
    tcpladder::forEachInFileOrder(
        capture.packets, [&](std::uint32_t c, const tcpladder::PacketRecord& p) {
            sum += p.window() + p.relativeSeq() + capture.connections[c].packets[p.side()];
        });
    return sum == 0xFFFFFFFFFFFFFFFFull ? 1 : 0;
}
