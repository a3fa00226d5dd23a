#pragma once

#include "common/time_ns.h"
#include "store/packet_store.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tcpladder {

// The one search from a time to a packet of one connection. A file's times
// can go backwards (a clock step, a merged capture); the search key is then
// the running maximum of the times, which never decreases, so the search
// stays binary and finds the first packet at which the connection's clock
// has reached the time. Costs nothing extra while times only go forward.
class PacketTimeIndex {
public:
    PacketTimeIndex() = default;
    // Reads the connection's packets once.
    PacketTimeIndex(const PacketStore& store, std::uint32_t connection);

    // For a caller that walks the packets anyway: start empty, then add
    // every packet of the connection in order.
    static PacketTimeIndex startEmpty(const PacketStore& store, std::uint32_t connection);
    void add(const PacketRecord& packet);

    // Index of the first packet whose key is at or after `time` (counted
    // from the connection's first packet); packetCount() when none.
    std::size_t firstAtOrAfter(TimeNs time) const;
    std::size_t packetCount() const { return m_count; }
    // The latest time seen, since the first packet.
    TimeNs latest() const { return m_latest; }
    bool monotonic() const { return m_runningMax.empty(); }
    // The search key of packet `index`: its time since the first packet, or
    // the running maximum of those times once they have gone backwards.
    TimeNs key(std::size_t index) const;

private:
    const PacketStore* m_store = nullptr;
    std::uint32_t m_connection = 0;
    TimeNs m_origin = 0;
    std::size_t m_count = 0;
    TimeNs m_latest = 0;
    // Filled from the first step back in time on; empty while times only
    // go forward.
    std::vector<TimeNs> m_runningMax;
};

} // namespace tcpladder
