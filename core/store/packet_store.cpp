#include "store/packet_store.h"

namespace tcpladder {
namespace {

constexpr std::uint32_t kSlabShift = 16;
constexpr std::uint32_t kSlabSize = 1u << kSlabShift;
// Records held by the first three (growing) chunks: 2 + 4 + 8.
constexpr std::uint32_t kSmallChunkRecords = 14;
constexpr std::uint32_t kLargeChunk = PacketStore::chunkCapacity(3);

struct ChunkPosition {
    std::size_t chunk;
    std::uint32_t offset;
};

ChunkPosition locate(std::size_t index) {
    if (index < 2)
        return {0, static_cast<std::uint32_t>(index)};
    if (index < 6)
        return {1, static_cast<std::uint32_t>(index - 2)};
    if (index < kSmallChunkRecords)
        return {2, static_cast<std::uint32_t>(index - 6)};
    const std::size_t rest = index - kSmallChunkRecords;
    return {3 + rest / kLargeChunk, static_cast<std::uint32_t>(rest % kLargeChunk)};
}

} // namespace

PacketStore::PacketStore() = default;
PacketStore::PacketStore(PacketStore&&) noexcept = default;
PacketStore& PacketStore::operator=(PacketStore&&) noexcept = default;
PacketStore::~PacketStore() = default;

std::uint32_t PacketStore::allocateChunk(std::uint32_t size) {
    // A chunk never straddles two slabs; the few records skipped are the price.
    const std::uint32_t used = m_nextFree & (kSlabSize - 1);
    if (m_nextFree != 0 && used + size > kSlabSize)
        m_nextFree += kSlabSize - used;
    if ((m_nextFree >> kSlabShift) >= m_slabs.size())
        m_slabs.push_back(std::make_unique<PacketRecord[]>(kSlabSize));
    const std::uint32_t start = m_nextFree;
    m_nextFree += size;
    return start;
}

PacketRecord& PacketStore::record(std::uint32_t globalIndex) const {
    return m_slabs[globalIndex >> kSlabShift][globalIndex & (kSlabSize - 1)];
}

void PacketStore::append(std::uint32_t connection, const PacketRecord& packet) {
    if (connection >= m_connections.size())
        m_connections.resize(connection + 1);
    ConnectionPackets& packets = m_connections[connection];
    if (packets.room == 0) {
        const std::uint32_t size = chunkCapacity(packets.chunkStarts.size());
        const std::uint32_t start = allocateChunk(size);
        const std::size_t listCapacity = packets.chunkStarts.capacity();
        packets.chunkStarts.push_back(start);
        m_chunkListBytes += (packets.chunkStarts.capacity() - listCapacity) * sizeof(std::uint32_t);
        packets.tail = &record(start);
        packets.room = size;
    }
    *packets.tail++ = packet;
    --packets.room;
    ++packets.count;
    ++m_totalPackets;
}

std::size_t PacketStore::packetCount(std::uint32_t connection) const {
    return connection < m_connections.size() ? m_connections[connection].count : 0;
}

const PacketRecord& PacketStore::at(std::uint32_t connection, std::size_t index) const {
    const ChunkPosition position = locate(index);
    return record(m_connections[connection].chunkStarts[position.chunk] + position.offset);
}

std::size_t PacketStore::memoryBytes() const {
    return m_slabs.size() * kSlabSize * sizeof(PacketRecord) +
           m_connections.capacity() * sizeof(ConnectionPackets) + m_chunkListBytes;
}

} // namespace tcpladder
