#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace tcpladder::cli {

// Collects output and writes it in large blocks: printing millions of rows
// through iostreams or one printf each would cost more than decoding them.
class OutputBuffer {
public:
    explicit OutputBuffer(std::FILE* stream) : m_stream(stream) { m_text.reserve(kFlushAt + 4096); }
    ~OutputBuffer() { flush(); }
    OutputBuffer(const OutputBuffer&) = delete;
    OutputBuffer& operator=(const OutputBuffer&) = delete;

    OutputBuffer& operator<<(std::string_view text) {
        m_text.append(text);
        if (m_text.size() >= kFlushAt)
            flush();
        return *this;
    }
    OutputBuffer& operator<<(char c) {
        m_text.push_back(c);
        return *this;
    }
    OutputBuffer& operator<<(unsigned long long value) { return *this << std::to_string(value); }
    OutputBuffer& operator<<(unsigned long value) { return *this << std::to_string(value); }
    OutputBuffer& operator<<(unsigned value) { return *this << std::to_string(value); }

    void flush() {
        std::fwrite(m_text.data(), 1, m_text.size(), m_stream);
        m_text.clear();
    }

private:
    static constexpr std::size_t kFlushAt = 1 << 16;
    std::FILE* m_stream;
    std::string m_text;
};

// A JSON string literal, quotes included.
std::string jsonString(std::string_view text);

} // namespace tcpladder::cli
