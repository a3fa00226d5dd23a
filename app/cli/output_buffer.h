#pragma once

#include <cerrno>
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

    // Once a write failed the rest is dropped: a full disk or a closed
    // descriptor will not take more, and the caller reports it once.
    void flush() {
        if (m_error == 0 && !m_text.empty() &&
            std::fwrite(m_text.data(), 1, m_text.size(), m_stream) != m_text.size())
            m_error = errno ? errno : EIO;
        m_text.clear();
    }
    // The errno of the first failed write; 0 when none failed.
    int error() const { return m_error; }

private:
    static constexpr std::size_t kFlushAt = 1 << 16;
    std::FILE* m_stream;
    std::string m_text;
    int m_error = 0;
};

// 0 when standard output is an open descriptor, else the errno saying why not
// (a `>&-` in a script). Checked before anything is opened, which would
// otherwise be given descriptor 1.
int standardOutputUsable();
// Flushes and closes standard output after `out`'s writes; the errno of the
// first failure, or 0 when everything written reached its destination.
int closeStandardOutput(const OutputBuffer* out);

// A JSON string literal, quotes included.
std::string jsonString(std::string_view text);

} // namespace tcpladder::cli
