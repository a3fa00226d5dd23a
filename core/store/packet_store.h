#pragma once

#include "store/packet_record.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tcpladder {

// The per-packet index: records grouped per connection, so one connection's
// packets are reached without a scan. Each connection owns a list of chunks
// (2, 4, 8, then 16 records each) cut from large slabs, so memory grows with
// the packets, wastes little on short connections, and never reallocates
// (no doubling spikes while loading).
class PacketStore {
public:
    PacketStore();
    PacketStore(PacketStore&&) noexcept;
    PacketStore& operator=(PacketStore&&) noexcept;
    ~PacketStore();

    void append(std::uint32_t connection, const PacketRecord& record);

    std::size_t connectionCount() const { return m_connections.size(); }
    std::size_t packetCount(std::uint32_t connection) const;
    const PacketRecord& at(std::uint32_t connection, std::size_t index) const;
    std::size_t totalPackets() const { return m_totalPackets; }
    std::size_t memoryBytes() const; // O(1): the loader checks it against its budget

    // Records the n-th chunk of a connection holds.
    static constexpr std::uint32_t chunkCapacity(std::size_t chunkNumber) {
        return chunkNumber < 2 ? 2u << chunkNumber : 8;
    }

    // Calls fn(const PacketRecord* first, std::size_t count) for each stretch
    // of the connection's packets that lies together in memory, in order: a
    // pass over millions of packets without at()'s chunk arithmetic per packet.
    template <typename Fn> void forEachChunk(std::uint32_t connection, Fn&& fn) const {
        if (connection >= m_connections.size())
            return;
        const ConnectionPackets& packets = m_connections[connection];
        std::size_t left = packets.count;
        for (std::size_t chunk = 0; chunk < packets.chunkStarts.size() && left > 0; ++chunk) {
            const std::size_t size = std::min<std::size_t>(left, chunkCapacity(chunk));
            fn(static_cast<const PacketRecord*>(&record(packets.chunkStarts[chunk])), size);
            left -= size;
        }
    }

private:
    struct ConnectionPackets {
        std::vector<std::uint32_t> chunkStarts; // global record index of each chunk
        std::uint32_t count = 0;
        std::uint32_t room = 0;       // free records left in the last chunk
        PacketRecord* tail = nullptr; // where the next record goes, when room > 0
    };

    std::uint32_t allocateChunk(std::uint32_t size);
    PacketRecord& record(std::uint32_t globalIndex) const;

    std::vector<ConnectionPackets> m_connections;
    // Slabs are raw malloc'd memory, not value-initialised records: the pages
    // of the last slab's unused end are never touched and take no RAM.
    struct SlabDeleter {
        void operator()(PacketRecord* slab) const;
    };
    std::vector<std::unique_ptr<PacketRecord[], SlabDeleter>> m_slabs;
    std::uint32_t m_nextFree = 0;
    std::size_t m_totalPackets = 0;
    std::size_t m_chunkListBytes = 0; // of every chunkStarts, kept so memoryBytes() is O(1)
};

} // namespace tcpladder
