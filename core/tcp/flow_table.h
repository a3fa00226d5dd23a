#pragma once

#include <cstdint>
#include <vector>

namespace tcpladder {

// Open-addressing index from a flow hash to the newest connection on that
// 4-tuple. A slot holds only 8 bytes (the hash and the connection number);
// the caller's predicate compares the real endpoints, which the connection
// already stores, so the table never duplicates addresses.
class FlowTable {
public:
    struct Lookup {
        std::size_t slot = 0;
        bool found = false;
        std::uint32_t connection = 0;
    };

    FlowTable();

    template <class Matches> Lookup find(std::uint64_t hash, Matches&& matches) const {
        const auto tag = static_cast<std::uint32_t>(hash);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = tag & mask;; i = (i + 1) & mask) {
            const Slot& slot = m_slots[i];
            if (slot.connectionPlusOne == 0) {
                return Lookup{i, false, 0};
            }
            if (slot.tag == tag && matches(slot.connectionPlusOne - 1)) {
                return Lookup{i, true, slot.connectionPlusOne - 1};
            }
        }
    }

    // Points the lookup's slot at `connection`: fills the empty slot a failed
    // find returned, or replaces the connection a successful find returned
    // (a new connection on a reused 4-tuple hides the older one).
    void assign(const Lookup& lookup, std::uint64_t hash, std::uint32_t connection);

    std::size_t size() const { return m_size; }
    std::size_t memoryBytes() const { return m_slots.capacity() * sizeof(Slot); }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t connectionPlusOne = 0; // 0 marks an empty slot
    };

    void grow();

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace tcpladder
