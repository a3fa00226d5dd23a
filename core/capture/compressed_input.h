#pragma once

#include "capture/byte_stream.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace tcpladder {

// The compressed side of a decompressor: a buffer over the input stream that
// knows the file offset of its next unread byte, for checkpoints.
class CompressedInput {
public:
    CompressedInput(std::unique_ptr<ByteStream> stream, std::uint64_t fileOffset)
        : m_stream(std::move(stream)), m_buffer(kChunk), m_fileOffset(fileOffset) {}

    const std::uint8_t* data() const { return m_buffer.data() + m_begin; }
    std::size_t size() const { return m_end - m_begin; }
    std::uint64_t fileOffset() const { return m_fileOffset; }
    void consume(std::size_t count) {
        m_begin += count;
        m_fileOffset += count;
    }
    // Reads more once everything was consumed; false at the end or on failure.
    bool refill() {
        if (size() > 0)
            return true;
        const std::ptrdiff_t got = m_stream->read(m_buffer.data(), m_buffer.size());
        m_failed = got < 0;
        m_begin = 0;
        m_end = got > 0 ? static_cast<std::size_t>(got) : 0;
        return m_end > 0;
    }
    bool failed() const { return m_failed; }
    std::string error() const { return m_stream->error(); }

private:
    static constexpr std::size_t kChunk = 256 * 1024;
    std::unique_ptr<ByteStream> m_stream;
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::uint64_t m_fileOffset;
    bool m_failed = false;
};

} // namespace tcpladder
