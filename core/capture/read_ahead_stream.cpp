#include "capture/read_ahead_stream.h"

#include <cstring>

namespace tcpladder {
namespace {

constexpr std::size_t kChunkSize = 1 << 20;
constexpr std::size_t kChunksAhead = 4;

} // namespace

ReadAheadStream::ReadAheadStream(std::unique_ptr<ByteStream> inner)
    : m_inner(std::move(inner)), m_thread([this] { run(); }) {}

ReadAheadStream::~ReadAheadStream() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ReadAheadStream::run() {
    for (;;) {
        std::vector<std::uint8_t> buffer;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stopping || m_ready.size() < kChunksAhead; });
            if (m_stopping)
                return;
            if (!m_free.empty()) {
                buffer = std::move(m_free.back());
                m_free.pop_back();
            }
        }
        buffer.resize(kChunkSize);
        std::size_t filled = 0;
        std::ptrdiff_t got = 1;
        while (filled < buffer.size() && got > 0) {
            got = m_inner->read(buffer.data() + filled, buffer.size() - filled);
            filled += got > 0 ? static_cast<std::size_t>(got) : 0;
        }
        const std::string error = got < 0 ? m_inner->error() : std::string();
        {
            std::lock_guard lock(m_mutex);
            if (filled > 0)
                m_ready.push_back(Chunk{std::move(buffer), static_cast<std::ptrdiff_t>(filled)});
            if (got <= 0) {
                m_ready.push_back(Chunk{{}, got});
                if (got < 0)
                    m_ready.back().bytes.assign(error.begin(), error.end());
            }
        }
        m_changed.notify_all();
        if (got <= 0)
            return;
    }
}

std::ptrdiff_t ReadAheadStream::read(std::uint8_t* into, std::size_t size) {
    if (m_finished)
        return m_current.size;
    if (m_position == static_cast<std::size_t>(m_current.size)) {
        std::unique_lock lock(m_mutex);
        if (!m_current.bytes.empty())
            m_free.push_back(std::move(m_current.bytes));
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return !m_ready.empty(); });
        m_current = std::move(m_ready.front());
        m_ready.pop_front();
        m_position = 0;
        if (m_current.size <= 0) {
            m_finished = true;
            if (m_current.size < 0)
                m_error.assign(m_current.bytes.begin(), m_current.bytes.end());
            return m_current.size;
        }
    }
    const std::size_t count = std::min(size, static_cast<std::size_t>(m_current.size) - m_position);
    std::memcpy(into, m_current.bytes.data() + m_position, count);
    m_position += count;
    return static_cast<std::ptrdiff_t>(count);
}

} // namespace tcpladder
