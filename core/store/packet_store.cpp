#include "store/packet_store.h"

#include "common/vector_growth.h"

#include <cstdlib>
#include <new>

namespace tcpladder {
namespace {

constexpr std::uint32_t kSlabShift = 16;
constexpr std::uint32_t kSlabSize = 1u << kSlabShift;
// Records held by the first two (growing) chunks: 2 + 4.
constexpr std::uint32_t kSmallChunkRecords = 6;
constexpr std::uint32_t kLargeChunk = PacketStore::chunkCapacity(2);

struct ChunkPosition {
    std::size_t chunk;
    std::uint32_t offset;
};

ChunkPosition locate(std::size_t index) {
    if (index < 2)
        return {0, static_cast<std::uint32_t>(index)};
    if (index < kSmallChunkRecords)
        return {1, static_cast<std::uint32_t>(index - 2)};
    const std::size_t rest = index - kSmallChunkRecords;
    return {2 + rest / kLargeChunk, static_cast<std::uint32_t>(rest % kLargeChunk)};
}

} // namespace

PacketStore::PacketStore() = default;
PacketStore::PacketStore(PacketStore&&) noexcept = default;
PacketStore& PacketStore::operator=(PacketStore&&) noexcept = default;
PacketStore::~PacketStore() = default;

void PacketStore::SlabDeleter::operator()(PacketRecord* slab) const {
    std::free(slab);
}

std::uint32_t PacketStore::allocateChunk(std::uint32_t size) {
    // A chunk never straddles two slabs; the few records skipped are the price.
    const std::uint32_t used = m_nextFree & (kSlabSize - 1);
    if (m_nextFree != 0 && used + size > kSlabSize)
        m_nextFree += kSlabSize - used;
    if ((m_nextFree >> kSlabShift) >= m_slabs.size()) {
        // PacketRecord is trivially copyable, so the records come to life
        // in the raw memory as append() assigns them (C++20 implicit objects).
        void* slab = std::malloc(std::size_t{kSlabSize} * sizeof(PacketRecord));
        if (!slab)
            throw std::bad_alloc();
        m_slabs.emplace_back(static_cast<PacketRecord*>(slab));
    }
    const std::uint32_t start = m_nextFree;
    m_nextFree += size;
    return start;
}

PacketRecord& PacketStore::record(std::uint32_t globalIndex) const {
    return m_slabs[globalIndex >> kSlabShift][globalIndex & (kSlabSize - 1)];
}

void PacketStore::append(std::uint32_t connection, const PacketRecord& packet) {
    if (connection >= m_connections.size()) {
        reserveGently(m_connections, std::size_t{connection} + 1);
        m_connections.resize(connection + 1);
    }
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
