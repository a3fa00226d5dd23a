#pragma once

#include "decode/ip_address.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

namespace tcpladder {

// Puts fragmented IPv4 and IPv6 datagrams back together, as Wireshark does
// by default: the datagram is whole once the bytes from 0 to the end named by
// the last fragment are all there. Memory is bounded: the oldest incomplete
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

    explicit IpReassembler(std::size_t maxBufferedBytes = 64u << 20);

    // Adds one fragment's payload (`data` holds all `length` bytes of it).
    // Returns the whole datagram's payload when this fragment completes it;
    // the pointer stays valid until the next call.
    const std::vector<std::uint8_t>* add(const Key& key, std::uint32_t offset, bool moreFragments,
                                         const std::uint8_t* data, std::size_t length);

private:
    struct KeyHash {
        std::size_t operator()(const Key& key) const;
    };
    struct Datagram {
        std::vector<std::uint8_t> bytes;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges; // [begin, end) received
        std::uint32_t totalLength = 0; // known once the last fragment arrived
        bool lastSeen = false;
        std::list<Key>::iterator age;
    };

    bool complete(const Datagram& datagram) const;
    void evictOldest();

    std::unordered_map<Key, Datagram, KeyHash> m_pending;
    std::list<Key> m_ageOrder; // oldest first
    std::size_t m_bufferedBytes = 0;
    std::size_t m_maxBufferedBytes;
    std::vector<std::uint8_t> m_completed;
};

} // namespace tcpladder
