#pragma once

#include <cstddef>
#include <cstdint>

namespace tcpladder {

// A bounds-checked view over captured bytes. Reads past the end fail
// softly (ok() turns false and reads return 0) so decoders can check once.
class ByteCursor {
public:
    ByteCursor(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    std::size_t size() const { return m_size; }
    std::size_t remaining() const { return m_size - m_pos; }
    std::size_t position() const { return m_pos; }
    bool ok() const { return m_ok; }
    const std::uint8_t* here() const { return m_data + m_pos; }
    bool has(std::size_t count) const { return count <= remaining(); }

    bool skip(std::size_t count) {
        if (!has(count))
            return fail();
        m_pos += count;
        return true;
    }
    std::uint8_t u8() {
        if (!has(1))
            return fail(), 0;
        return m_data[m_pos++];
    }
    std::uint16_t be16() {
        if (!has(2))
            return fail(), 0;
        const std::uint16_t v = static_cast<std::uint16_t>(m_data[m_pos] << 8 | m_data[m_pos + 1]);
        m_pos += 2;
        return v;
    }
    std::uint32_t be32() {
        const std::uint32_t hi = be16();
        return hi << 16 | be16();
    }
    // Peeks without moving; 0 when out of range.
    std::uint8_t peek8(std::size_t at) const { return at < remaining() ? m_data[m_pos + at] : 0; }
    std::uint16_t peek16(std::size_t at) const {
        return static_cast<std::uint16_t>(peek8(at) << 8 | peek8(at + 1));
    }

private:
    bool fail() {
        m_ok = false;
        m_pos = m_size;
        return false;
    }

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

inline std::uint16_t readBe16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}
inline std::uint32_t readBe32(const std::uint8_t* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

} // namespace tcpladder
