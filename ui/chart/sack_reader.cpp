#include "chart/sack_reader.h"

#include "load/packet_details.h"

namespace tcpladder::ui {

std::vector<std::pair<std::uint32_t, std::uint32_t>> SackReader::blocks(std::size_t index) {
    if (auto it = m_cache.find(index); it != m_cache.end())
        return it->second;
    ++m_reads;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> blocks;
    // A packet that cannot be re-read (file changed, early fragment) simply
    // shows no blocks; the chart's other series do not depend on it.
    if (auto details = readPacketDetails(m_capture, m_connection, index)) {
        const PacketRecord& record = m_capture.packets.at(m_connection, index);
        const TcpOptions& options = details->tcp.segment.options;
        // The record's ACK is relative to the peer's base; SACK edges share it.
        const std::uint32_t base = details->tcp.segment.ack - record.relativeAck();
        for (std::uint8_t i = 0; i < options.sackCount && i < options.sack.size(); ++i)
            blocks.emplace_back(options.sack[i].left - base, options.sack[i].right - base);
    }
    m_cache.emplace(index, blocks);
    return blocks;
}

} // namespace tcpladder::ui
