#pragma once

#include "chart/chart_request.h"
#include "load/loaded_capture.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tcpladder::ui {

using SackBlocks = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// One packet's SACK blocks re-read from the capture file, relative to the
// record's ACK base; none when it cannot be re-read (file changed, early
// fragment): the chart's other series do not depend on them.
SackBlocks readSackBlocks(const LoadedCapture& capture, std::uint32_t connection,
                          std::size_t index);

// SACK blocks of a connection (the packet index keeps no options),
// remembered so that panning back and forth reads each packet once. A batch
// export reads them as it builds; a window's chart must not touch the file
// on the GUI thread, so there a packet not read yet shows no blocks and
// waits in the pending list for a worker (loading/sack_read_job), whose
// answer comes back through add().
class SackReader : public SackSource {
public:
    enum class Reads { Now, OnWorker };

    SackReader(const LoadedCapture& capture, std::uint32_t connection, Reads reads = Reads::Now)
        : m_capture(capture), m_connection(connection), m_reads(reads) {}

    SackBlocks blocks(std::size_t index) override;

    // The packets builds asked for since the last call that nothing has read yet.
    std::vector<std::size_t> takePending();
    void add(const std::vector<std::pair<std::size_t, SackBlocks>>& read);

private:
    const LoadedCapture& m_capture;
    std::uint32_t m_connection;
    Reads m_reads;
    std::unordered_map<std::size_t, SackBlocks> m_cache;
    std::vector<std::size_t> m_pending;
};

} // namespace tcpladder::ui
