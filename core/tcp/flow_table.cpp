#include "tcp/flow_table.h"

namespace tcpladder {

namespace {
constexpr std::size_t kInitialSlots = 1024; // power of two
} // namespace

FlowTable::FlowTable() : m_slots(kInitialSlots) {}

void FlowTable::assign(const Lookup& lookup, std::uint64_t hash, std::uint32_t connection) {
    Slot& slot = m_slots[lookup.slot];
    const bool wasEmpty = slot.connectionPlusOne == 0;
    slot.tag = static_cast<std::uint32_t>(hash);
    slot.connectionPlusOne = connection + 1;
    if (wasEmpty && ++m_size * 2 > m_slots.size()) {
        grow();
    }
}

void FlowTable::grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
        if (slot.connectionPlusOne == 0) {
            continue;
        }
        std::size_t i = slot.tag & mask;
        while (m_slots[i].connectionPlusOne != 0) {
            i = (i + 1) & mask;
        }
        m_slots[i] = slot;
    }
}

} // namespace tcpladder
