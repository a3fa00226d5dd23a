#pragma once

#include "decode/ip_address.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <unordered_map>
#include <vector>

namespace tcpladder {

// Puts fragmented IPv4 and IPv6 datagrams back together, as Wireshark does
// by default: the datagram is whole once the bytes from 0 to the end named by
// the last fragment are all there. Memory is bounded: every fragment held is
// charged against the budget (empty ones too), and the oldest incomplete
// datagrams are dropped first.
class IpReassembler {
public:
    struct Key {
        IpAddress src;
        IpAddress dst;
        std::uint32_t id = 0;
        std::uint8_t protocol = 0; // IPv4 only; IPv6 keys use 0

        friend bool operator==(const Key&, const Key&) = default;
    };

    // What one pending datagram and one fragment held cost beyond their
    // bytes: the hash and age-list nodes, and a node of the received ranges.
    static constexpr std::size_t kDatagramOverhead = 256;
    static constexpr std::size_t kFragmentOverhead = 64;

    explicit IpReassembler(std::size_t maxBufferedBytes = 64u << 20);

    // Adds one fragment's payload (`data` holds all `length` bytes of it).
    // Returns the whole datagram's payload when this fragment completes it;
    // the pointer stays valid until the next call.
    const std::vector<std::uint8_t>* add(const Key& key, std::uint32_t offset, bool moreFragments,
                                         const std::uint8_t* data, std::size_t length);

    // Memory charged against the budget by the datagrams still pending.
    std::size_t bufferedBytes() const { return m_bufferedBytes; }
    std::size_t pendingDatagrams() const { return m_pending.size(); }
    std::size_t evictedDatagrams() const { return m_evicted; }
    // Received ranges looked at so far: the work reassembly did, which must
    // grow with the fragments, not with their square.
    std::uint64_t rangeVisits() const { return m_rangeVisits; }

private:
    struct KeyHash {
        std::size_t operator()(const Key& key) const;
    };
    struct Datagram {
        std::vector<std::uint8_t> bytes;
        // Received [begin, end) ranges, merged where they touch or overlap.
        std::map<std::uint32_t, std::uint32_t> received;
        std::uint32_t fragments = 0;
        std::uint32_t totalLength = 0; // known once the last fragment arrived
        bool lastSeen = false;
        std::size_t charged = 0;
        std::list<Key>::iterator age;
    };

    void receive(Datagram& datagram, std::uint32_t begin, std::uint32_t end);
    static bool complete(const Datagram& datagram);
    void charge(Datagram& datagram);
    void evictOldest();

    std::unordered_map<Key, Datagram, KeyHash> m_pending;
    std::list<Key> m_ageOrder; // oldest first
    std::size_t m_bufferedBytes = 0;
    std::size_t m_maxBufferedBytes;
    std::size_t m_evicted = 0;
    std::uint64_t m_rangeVisits = 0;
    std::vector<std::uint8_t> m_completed;
};

} // namespace tcpladder
