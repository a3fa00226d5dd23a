#include "chart/sack_reader.h"

#include "load/packet_details.h"

#include <utility>

namespace tcpladder::ui {

SackBlocks readSackBlocks(const LoadedCapture& capture, std::uint32_t connection,
                          std::size_t index) {
    SackBlocks blocks;
    if (auto details = readPacketDetails(capture, connection, index)) {
        const PacketRecord& record = capture.packets.at(connection, index);
        const TcpOptions& options = details->tcp.segment.options;
        // The record's ACK is relative to the peer's base; SACK edges share it.
        const std::uint32_t base = details->tcp.segment.ack - record.relativeAck();
        for (std::uint8_t i = 0; i < options.sackCount && i < options.sack.size(); ++i)
            blocks.emplace_back(options.sack[i].left - base, options.sack[i].right - base);
    }
    return blocks;
}

SackBlocks SackReader::blocks(std::size_t index) {
    if (auto it = m_cache.find(index); it != m_cache.end())
        return it->second;
    if (m_reads == Reads::OnWorker) {
        m_pending.push_back(index);
        return {};
    }
    SackBlocks blocks = readSackBlocks(m_capture, m_connection, index);
    m_cache.emplace(index, blocks);
    return blocks;
}

std::vector<std::size_t> SackReader::takePending() {
    return std::exchange(m_pending, {});
}

void SackReader::add(const std::vector<std::pair<std::size_t, SackBlocks>>& read) {
    for (const auto& [index, blocks] : read)
        m_cache.emplace(index, blocks);
}

} // namespace tcpladder::ui
