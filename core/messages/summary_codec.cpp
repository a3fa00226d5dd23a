#include "messages/summary_codec.h"

#include <limits>
#include <string_view>

namespace tcpladder {
namespace {

// Which fields follow the header: one bit each, in this order.
enum Field : std::uint16_t {
    kRequests = 1 << 0,
    kResponses = 1 << 1,
    kHost = 1 << 2,
    kFirst = 1 << 3,
    kSlowest = 1 << 4,
    kSlowestIsFirst = 1 << 5, // no bytes: the slowest request is the first
    kRisingWaits = 1 << 6,
    kWaits = 1 << 7,
    kSni = 1 << 8,
    kAlpn = 1 << 9,
    kTlsVersion = 1 << 10,
    kAlert = 1 << 11,
    kClientText = 1 << 12,
    kServerText = 1 << 13,
};

// A rising-wait entry is one of these tags, then the exchange for kLiteral.
enum RisingTag : std::uint8_t { kLiteral, kSameAsFirst, kSameAsSlowest };

class Writer {
public:
    explicit Writer(std::vector<std::uint8_t>& out) : m_out(out) {}

    void u8(std::uint8_t value) { m_out.push_back(value); }
    void varint(std::uint64_t value) {
        while (value >= 0x80) {
            m_out.push_back(static_cast<std::uint8_t>(value | 0x80));
            value >>= 7;
        }
        m_out.push_back(static_cast<std::uint8_t>(value));
    }
    // Zigzag, so that -1 ("unknown") takes one byte.
    void signedVarint(std::int64_t value) {
        varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
    }
    void text(std::string_view value) {
        varint(value.size());
        m_out.insert(m_out.end(), value.begin(), value.end());
    }
    void exchange(const HttpExchange& e) {
        varint(e.index);
        text(e.method);
        text(e.target);
        varint(e.status);
        varint(e.requestFrame);
        varint(e.responseFrame);
        signedVarint(e.wait);
    }

private:
    std::vector<std::uint8_t>& m_out;
};

// Every read checks the bounds; after a failure reads return zero values
// and ok() stays false.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_bytes.size(); }

    std::uint8_t u8() {
        if (m_pos >= m_bytes.size())
            return fail(), 0;
        return m_bytes[m_pos++];
    }
    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const std::uint8_t byte = u8();
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        return fail(), 0;
    }
    std::int64_t signedVarint() {
        const std::uint64_t raw = varint();
        return static_cast<std::int64_t>((raw >> 1) ^ (~(raw & 1) + 1));
    }
    template <typename T> T bounded() {
        const std::uint64_t value = varint();
        if (value > std::numeric_limits<T>::max())
            return fail(), T{};
        return static_cast<T>(value);
    }
    std::string text() {
        const std::uint64_t size = varint();
        if (size > m_bytes.size() - m_pos)
            return fail(), std::string{};
        std::string value(reinterpret_cast<const char*>(m_bytes.data() + m_pos), size);
        m_pos += size;
        return value;
    }
    HttpExchange exchange() {
        HttpExchange e;
        e.index = bounded<std::uint32_t>();
        e.method = text();
        e.target = text();
        e.status = bounded<unsigned>();
        e.requestFrame = varint();
        e.responseFrame = varint();
        e.wait = signedVarint();
        return e;
    }

private:
    bool fail() {
        m_ok = false;
        m_pos = m_bytes.size();
        return false;
    }

    std::span<const std::uint8_t> m_bytes;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

std::uint16_t fieldsOf(const ApplicationSummary& s) {
    std::uint16_t fields = 0;
    const auto set = [&](bool present, Field field) {
        if (present)
            fields = static_cast<std::uint16_t>(fields | field);
    };
    set(s.requests != 0, kRequests);
    set(s.responses != 0, kResponses);
    set(!s.host.empty(), kHost);
    set(s.first.has_value(), kFirst);
    const bool slowestIsFirst = s.slowest && s.first && *s.slowest == *s.first;
    set(s.slowest && !slowestIsFirst, kSlowest);
    set(slowestIsFirst, kSlowestIsFirst);
    set(!s.risingWaits.empty(), kRisingWaits);
    set(!s.waits.empty(), kWaits);
    set(!s.sni.empty(), kSni);
    set(!s.alpn.empty(), kAlpn);
    set(s.tlsVersion != 0, kTlsVersion);
    set(!s.alert.empty(), kAlert);
    set(!s.clientText.empty(), kClientText);
    set(!s.serverText.empty(), kServerText);
    return fields;
}

} // namespace

void encodeSummary(const ApplicationSummary& s, std::vector<std::uint8_t>& out) {
    Writer w(out);
    // 0: no protocol; else the protocol's value + 1.
    w.u8(s.protocol ? static_cast<std::uint8_t>(static_cast<std::uint8_t>(*s.protocol) + 1) : 0);
    w.u8(s.truncated ? 1 : 0);
    const std::uint16_t fields = fieldsOf(s);
    w.varint(fields);
    if (fields & kRequests)
        w.varint(s.requests);
    if (fields & kResponses)
        w.varint(s.responses);
    if (fields & kHost)
        w.text(s.host);
    if (fields & kFirst)
        w.exchange(*s.first);
    if (fields & kSlowest)
        w.exchange(*s.slowest);
    if (fields & kRisingWaits) {
        w.varint(s.risingWaits.size());
        for (const HttpExchange& e : s.risingWaits) {
            if (s.first && e == *s.first) {
                w.u8(kSameAsFirst);
            } else if (s.slowest && e == *s.slowest) {
                w.u8(kSameAsSlowest);
            } else {
                w.u8(kLiteral);
                w.exchange(e);
            }
        }
    }
    if (fields & kWaits) {
        w.varint(s.waits.size());
        for (TimeNs wait : s.waits)
            w.signedVarint(wait);
    }
    if (fields & kSni)
        w.text(s.sni);
    if (fields & kAlpn)
        w.text(s.alpn);
    if (fields & kTlsVersion)
        w.varint(s.tlsVersion);
    if (fields & kAlert)
        w.text(s.alert);
    if (fields & kClientText)
        w.text(s.clientText);
    if (fields & kServerText)
        w.text(s.serverText);
}

std::optional<ApplicationSummary> decodeSummary(std::span<const std::uint8_t> bytes) {
    Reader r(bytes);
    ApplicationSummary s;
    const std::uint8_t protocol = r.u8();
    if (protocol > static_cast<std::uint8_t>(MessageProtocol::Text) + 1)
        return std::nullopt;
    if (protocol != 0)
        s.protocol = static_cast<MessageProtocol>(protocol - 1);
    s.truncated = r.u8() != 0;
    const auto fields = r.bounded<std::uint16_t>();
    if (fields >= kServerText << 1)
        return std::nullopt;
    if (fields & kRequests)
        s.requests = r.bounded<std::uint32_t>();
    if (fields & kResponses)
        s.responses = r.bounded<std::uint32_t>();
    if (fields & kHost)
        s.host = r.text();
    if (fields & kFirst)
        s.first = r.exchange();
    if (fields & kSlowest)
        s.slowest = r.exchange();
    if (fields & kSlowestIsFirst)
        s.slowest = s.first;
    if (fields & kRisingWaits) {
        // Each entry takes at least one byte: a count past the bytes left is damage.
        const std::uint64_t count = r.varint();
        if (count > bytes.size())
            return std::nullopt;
        for (std::uint64_t i = 0; i < count && r.ok(); ++i) {
            const std::uint8_t tag = r.u8();
            if (tag == kSameAsFirst && s.first)
                s.risingWaits.push_back(*s.first);
            else if (tag == kSameAsSlowest && s.slowest)
                s.risingWaits.push_back(*s.slowest);
            else if (tag == kLiteral)
                s.risingWaits.push_back(r.exchange());
            else
                return std::nullopt;
        }
    }
    if (fields & kWaits) {
        const std::uint64_t count = r.varint();
        if (count > bytes.size())
            return std::nullopt;
        s.waits.reserve(count);
        for (std::uint64_t i = 0; i < count && r.ok(); ++i)
            s.waits.push_back(r.signedVarint());
    }
    if (fields & kSni)
        s.sni = r.text();
    if (fields & kAlpn)
        s.alpn = r.text();
    if (fields & kTlsVersion)
        s.tlsVersion = r.bounded<std::uint16_t>();
    if (fields & kAlert)
        s.alert = r.text();
    if (fields & kClientText)
        s.clientText = r.text();
    if (fields & kServerText)
        s.serverText = r.text();
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return s;
}

} // namespace tcpladder
