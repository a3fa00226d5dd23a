#include "analysis/time_index.h"

#include <algorithm>

namespace tcpladder {

PacketTimeIndex::PacketTimeIndex(const PacketStore& store, std::uint32_t connection)
    : PacketTimeIndex(startEmpty(store, connection)) {
    store.forEachChunk(connection, [&](const PacketRecord* packets, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i)
            add(packets[i]);
    });
}

PacketTimeIndex PacketTimeIndex::startEmpty(const PacketStore& store, std::uint32_t connection) {
    PacketTimeIndex index;
    index.m_store = &store;
    index.m_connection = connection;
    if (store.packetCount(connection) > 0)
        index.m_origin = store.at(connection, 0).time();
    return index;
}

void PacketTimeIndex::add(const PacketRecord& packet) {
    const TimeNs time = packet.time() - m_origin;
    if (m_count > 0 && time < m_latest && m_runningMax.empty()) {
        // The first step back: every key so far was its own time.
        m_runningMax.reserve(m_store->packetCount(m_connection));
        for (std::size_t j = 0; j < m_count; ++j)
            m_runningMax.push_back(
                std::max(m_store->at(m_connection, j).time() - m_origin, TimeNs{0}));
    }
    m_latest = std::max(m_latest, time);
    if (!m_runningMax.empty())
        m_runningMax.push_back(m_latest);
    ++m_count;
}

TimeNs PacketTimeIndex::key(std::size_t index) const {
    return m_runningMax.empty() ? m_store->at(m_connection, index).time() - m_origin
                                : m_runningMax[index];
}

std::size_t PacketTimeIndex::firstAtOrAfter(TimeNs time) const {
    std::size_t low = 0;
    std::size_t high = m_count;
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        if (key(mid) < time)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

} // namespace tcpladder
