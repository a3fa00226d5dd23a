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
    if (datagram.ranges.size() >= kMaxFragments)
        return nullptr;
    if (!moreFragments) {
        datagram.lastSeen = true;
        datagram.totalLength = static_cast<std::uint32_t>(end);
    }
    if (datagram.bytes.size() < end) {
        m_bufferedBytes += end - datagram.bytes.size();
        datagram.bytes.resize(end);
    }
    if (length)
        std::memcpy(datagram.bytes.data() + offset, data, length);
    datagram.ranges.emplace_back(offset, static_cast<std::uint32_t>(end));

    if (complete(datagram)) {
        m_completed.assign(datagram.bytes.begin(), datagram.bytes.begin() + datagram.totalLength);
        m_bufferedBytes -= datagram.bytes.size();
        m_ageOrder.erase(datagram.age);
        m_pending.erase(found);
        return &m_completed;
    }
    while (m_bufferedBytes > m_maxBufferedBytes && m_pending.size() > 1)
        evictOldest();
    return nullptr;
}

bool IpReassembler::complete(const Datagram& datagram) const {
    if (!datagram.lastSeen)
        return false;
    auto ranges = datagram.ranges;
    std::sort(ranges.begin(), ranges.end());
    std::uint32_t covered = 0;
    for (const auto& [begin, end] : ranges) {
        if (begin > covered)
            return false;
        covered = std::max(covered, end);
    }
    return covered >= datagram.totalLength;
}

void IpReassembler::evictOldest() {
    const auto found = m_pending.find(m_ageOrder.front());
    m_bufferedBytes -= found->second.bytes.size();
    m_pending.erase(found);
    m_ageOrder.pop_front();
}

} // namespace tcpladder
