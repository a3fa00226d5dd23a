#pragma once

#include "chart/chart_request.h"
#include "load/loaded_capture.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tcpladder::ui {

// SACK blocks re-read from the capture file (the packet index keeps no
// options), remembered so that panning back and forth reads each packet once.
class SackReader : public SackSource {
public:
    SackReader(const LoadedCapture& capture, std::uint32_t connection)
        : m_capture(capture), m_connection(connection) {}

    std::vector<std::pair<std::uint32_t, std::uint32_t>> blocks(std::size_t index) override;
    std::size_t reads() const { return m_reads; }

private:
    const LoadedCapture& m_capture;
    std::uint32_t m_connection;
    std::unordered_map<std::size_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_cache;
    std::size_t m_reads = 0;
};

} // namespace tcpladder::ui
