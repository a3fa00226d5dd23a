#include "capture/byte_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace tcpladder {

FdStream::FdStream(int fd, std::shared_ptr<StreamStatus> status)
    : m_fd(fd), m_status(std::move(status)) {}

FdStream::~FdStream() {
    if (m_fd != STDIN_FILENO)
        ::close(m_fd);
}

std::ptrdiff_t FdStream::read(std::uint8_t* into, std::size_t size) {
    for (;;) {
        const ssize_t got = ::read(m_fd, into, size);
        if (got >= 0) {
            m_status->fileBytesRead.fetch_add(static_cast<std::uint64_t>(got),
                                              std::memory_order_relaxed);
            return got;
        }
        if (errno != EINTR) {
            m_status->fail(std::strerror(errno));
            return -1;
        }
    }
}

std::ptrdiff_t MemoryStream::read(std::uint8_t* into, std::size_t size) {
    const std::size_t count = std::min(size, m_size - m_position);
    if (count)
        std::memcpy(into, m_data + m_position, count);
    m_position += count;
    return static_cast<std::ptrdiff_t>(count);
}

const std::vector<std::uint8_t>& PeekableStream::peek(std::size_t size) {
    // A pipe hands out what its writer wrote so far: read until enough or the end.
    while (m_head.size() < size && !m_failed) {
        const std::size_t had = m_head.size();
        m_head.resize(size);
        const std::ptrdiff_t got = m_inner->read(m_head.data() + had, size - had);
        m_head.resize(had + static_cast<std::size_t>(got > 0 ? got : 0));
        if (got <= 0) {
            m_failed = got < 0;
            break;
        }
    }
    return m_head;
}

std::ptrdiff_t PeekableStream::read(std::uint8_t* into, std::size_t size) {
    if (m_headRead < m_head.size()) {
        const std::size_t count = std::min(size, m_head.size() - m_headRead);
        std::memcpy(into, m_head.data() + m_headRead, count);
        m_headRead += count;
        return static_cast<std::ptrdiff_t>(count);
    }
    return m_inner->read(into, size);
}

} // namespace tcpladder
