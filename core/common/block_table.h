#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace tcpladder {

// An append-only table in fixed blocks of kBlock elements: it never moves
// what it holds, so it has no growth spike (a vector holds old and new side
// by side while it grows) and at most one block of spare room (a vector's
// doubling leaves up to half of it empty). For per-connection state that a
// load keeps to its end and then drops.
template <typename T, std::size_t kBlock = 1024> class BlockTable {
public:
    std::size_t size() const { return m_size; }
    T& operator[](std::size_t index) { return m_blocks[index / kBlock][index % kBlock]; }
    const T& operator[](std::size_t index) const {
        return m_blocks[index / kBlock][index % kBlock];
    }
    T& emplace_back() {
        if (m_size % kBlock == 0)
            m_blocks.push_back(std::make_unique<T[]>(kBlock));
        return (*this)[m_size++];
    }
    std::size_t memoryBytes() const {
        return m_blocks.size() * kBlock * sizeof(T) + m_blocks.capacity() * sizeof(void*);
    }

private:
    std::vector<std::unique_ptr<T[]>> m_blocks;
    std::size_t m_size = 0;
};

} // namespace tcpladder
