#include "decode/ip_reassembly.h"

#include <algorithm>
#include <cstring>

namespace tcpladder {
namespace {

// Largest datagram IPv4 or (non-jumbo) IPv6 fragmentation can describe.
constexpr std::uint32_t kMaxDatagram = 65535 + 8;
// Past this many pieces a datagram is an attack, not a transfer.
constexpr std::size_t kMaxFragments = 4096;

} // namespace

std::size_t IpReassembler::KeyHash::operator()(const Key& key) const {
    std::size_t hash = key.id * 0x9E3779B97F4A7C15ull ^ key.protocol;
    for (std::uint8_t byte : key.src.bytes)
        hash = hash * 31 + byte;
    for (std::uint8_t byte : key.dst.bytes)
        hash = hash * 31 + byte;
    return hash;
}

IpReassembler::IpReassembler(std::size_t maxBufferedBytes) : m_maxBufferedBytes(maxBufferedBytes) {}

const std::vector<std::uint8_t>* IpReassembler::add(const Key& key, std::uint32_t offset,
                                                    bool moreFragments, const std::uint8_t* data,
                                                    std::size_t length) {
    const std::uint64_t end = std::uint64_t{offset} + length;
    if (end > kMaxDatagram)
        return nullptr;
    auto found = m_pending.find(key);
    if (found == m_pending.end()) {
        m_ageOrder.push_back(key);
        found = m_pending.emplace(key, Datagram{}).first;
        found->second.age = std::prev(m_ageOrder.end());
    }
    Datagram& datagram = found->second;
    if (datagram.fragments >= kMaxFragments)
        return nullptr;
    ++datagram.fragments;
    if (!moreFragments) {
        datagram.lastSeen = true;
        datagram.totalLength = static_cast<std::uint32_t>(end);
    }
    if (datagram.bytes.size() < end)
        datagram.bytes.resize(end);
    if (length)
        std::memcpy(datagram.bytes.data() + offset, data, length);
    receive(datagram, offset, static_cast<std::uint32_t>(end));

    if (complete(datagram)) {
        m_completed.assign(datagram.bytes.begin(), datagram.bytes.begin() + datagram.totalLength);
        m_bufferedBytes -= datagram.charged;
        m_ageOrder.erase(datagram.age);
        m_pending.erase(found);
        return &m_completed;
    }
    charge(datagram);
    while (m_bufferedBytes > m_maxBufferedBytes && m_pending.size() > 1)
        evictOldest();
    return nullptr;
}

// Merges [begin, end) into the received ranges: each fragment adds one range
// and each merge removes one, so the work per fragment is amortised O(log n).
void IpReassembler::receive(Datagram& datagram, std::uint32_t begin, std::uint32_t end) {
    auto& received = datagram.received;
    auto next = received.upper_bound(begin);
    if (next != received.begin()) {
        const auto previous = std::prev(next);
        ++m_rangeVisits;
        if (previous->second >= begin) {
            begin = previous->first;
            end = std::max(end, previous->second);
            next = received.erase(previous);
        }
    }
    while (next != received.end() && next->first <= end) {
        ++m_rangeVisits;
        end = std::max(end, next->second);
        next = received.erase(next);
    }
    received.emplace_hint(next, begin, end);
}

// Whole when everything received forms one block from 0 that reaches the end
// the last fragment named (a range beyond it, with a gap, keeps it waiting).
bool IpReassembler::complete(const Datagram& datagram) {
    if (!datagram.lastSeen || datagram.received.size() != 1)
        return false;
    const auto& [begin, end] = *datagram.received.begin();
    return begin == 0 && end >= datagram.totalLength;
}

void IpReassembler::charge(Datagram& datagram) {
    const std::size_t cost = kDatagramOverhead + datagram.bytes.capacity() +
                             std::size_t{datagram.fragments} * kFragmentOverhead;
    m_bufferedBytes += cost - datagram.charged;
    datagram.charged = cost;
}

void IpReassembler::evictOldest() {
    const auto found = m_pending.find(m_ageOrder.front());
    m_bufferedBytes -= found->second.charged;
    m_pending.erase(found);
    m_ageOrder.pop_front();
    ++m_evicted;
}

} // namespace tcpladder
