#pragma once

#include "common/result.h"
#include "load/loaded_capture.h"
#include "load/memory_budget.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tcpladder {

struct LoadProgress {
    std::uint64_t bytesRead = 0;
    std::uint64_t fileSize = 0;
    std::uint64_t frames = 0;
    std::uint64_t tcpPackets = 0;
    std::uint64_t connections = 0;
};

struct LoadOptions {
    // Called every `progressInterval` frames and once at the end; returning
    // false cancels the load (the result then says cancelled).
    std::function<bool(const LoadProgress&)> progress;
    std::uint64_t progressInterval = 4096;
    // The index (packet records, connections, application summaries) may grow to this many bytes;
    // past it the load stops cleanly and keeps what it read, with a warning.
    std::uint64_t memoryBudget = defaultMemoryBudget();
    // Read each connection's application summary while loading (protocol,
    // HTTP requests and their waits, TLS names): LoadedCapture::applications.
    bool applicationSummaries = true;
};

// The one loading entry point: file → reader → decoders → tracker → index.
// Fails only when not a single packet could be read; damage after some
// packets becomes a warning on a result that holds every whole packet.
Result<std::shared_ptr<LoadedCapture>> loadCapture(const std::string& path,
                                                   const LoadOptions& options = {});
// A rotation set: the files, in time order (captureSetFiles() puts them in
// it), read as one capture, so a connection that spans two files is one
// connection. A file that cannot be read becomes a warning naming it; fails
// only when no file gives a packet.
Result<std::shared_ptr<LoadedCapture>> loadCaptureSet(const std::vector<std::string>& paths,
                                                      const LoadOptions& options = {});
Result<std::shared_ptr<LoadedCapture>>
loadCaptureFromMemory(const std::uint8_t* data, std::size_t size, const LoadOptions& options = {});

} // namespace tcpladder
