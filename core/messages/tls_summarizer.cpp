#include "messages/tls_summarizer.h"

#include "decode/byte_cursor.h"
#include "messages/tls_hello.h"
#include "messages/tls_names.h"
#include "messages/tls_parser.h"

#include <algorithm>

namespace tcpladder {
namespace {

constexpr std::uint32_t kMaxRecord = 16384 + 2048; // TLSCiphertext's limit

enum RecordType : std::uint8_t {
    kChangeCipherSpec = 20,
    kAlert = 21,
    kHandshake = 22,
    kHeartbeat = 24,
};

bool validHeader(const std::array<std::uint8_t, 5>& h) {
    return h[0] >= kChangeCipherSpec && h[0] <= kHeartbeat && h[1] == 3 && h[2] <= 4 &&
           readBe16(h.data() + 3) <= kMaxRecord;
}

} // namespace

void TlsSummarizer::bytes(bool fromClient, std::span<const std::uint8_t> data) {
    Direction& d = m_directions[fromClient ? 0 : 1];
    std::size_t i = 0;
    while (i < data.size() && !d.lost) {
        if (d.headerGot < 5) {
            d.header[d.headerGot++] = data[i++];
            if (d.headerGot == 5)
                recordHeader(d);
            continue;
        }
        const auto take =
            static_cast<std::size_t>(std::min<std::uint64_t>(d.remaining, data.size() - i));
        recordBody(d, data.subspan(i, take));
        i += take;
        d.remaining -= static_cast<std::uint32_t>(take);
        if (d.remaining == 0)
            recordEnd(d);
    }
}

void TlsSummarizer::recordHeader(Direction& d) {
    if (!validHeader(d.header)) {
        d.lost = true;
        m_summary.truncated = true;
        return;
    }
    d.remaining = readBe16(d.header.data() + 3);
    d.alertGot = 0;
    if (d.remaining == 0)
        recordEnd(d);
}

void TlsSummarizer::recordBody(Direction& d, std::span<const std::uint8_t> data) {
    const std::uint8_t type = d.header[0];
    if (type == kAlert) {
        for (std::uint8_t b : data)
            if (d.alertGot < 2)
                d.alert[d.alertGot++] = b;
        return;
    }
    if (type != kHandshake || d.encrypted || d.helloDone)
        return;
    std::size_t i = 0;
    while (i < data.size() && !d.helloDone) {
        if (d.handshakeGot < 4) {
            d.handshake[d.handshakeGot++] = data[i++];
            if (d.handshakeGot == 4) {
                d.handshakeLength = std::uint32_t{d.handshake[1]} << 16 |
                                    std::uint32_t{d.handshake[2]} << 8 | d.handshake[3];
                if (d.handshakeLength == 0)
                    helloDone(d, false);
            }
            continue;
        }
        const std::size_t take =
            std::min<std::size_t>(data.size() - i, d.handshakeLength - d.handshakeReceived);
        const std::size_t keep = std::min(take, kMaxHello - std::min(kMaxHello, d.hello.size()));
        d.hello.insert(d.hello.end(), data.begin() + static_cast<long>(i),
                       data.begin() + static_cast<long>(i + keep));
        d.handshakeReceived += static_cast<std::uint32_t>(take);
        i += take;
        if (d.handshakeReceived == d.handshakeLength)
            helloDone(d, d.hello.size() < d.handshakeLength);
    }
}

void TlsSummarizer::helloDone(Direction& d, bool cut) {
    d.helloDone = true;
    const std::uint8_t type = d.handshake[0];
    if (d.handshakeGot == 4 && (type == 1 || type == 2)) {
        const TlsHello hello = readTlsHello(type, d.hello);
        if (type == 1) {
            m_summary.sni = hello.sni;
            if (m_summary.alpn.empty())
                m_summary.alpn = hello.alpn;
            if (!m_summary.tlsVersion)
                m_summary.tlsVersion = hello.version;
        } else if (!hello.retry) {
            if (!hello.alpn.empty())
                m_summary.alpn = hello.alpn;
            if (hello.version)
                m_summary.tlsVersion = hello.version;
        }
    }
    m_summary.truncated = m_summary.truncated || cut;
    d.hello.clear();
    d.hello.shrink_to_fit();
}

void TlsSummarizer::recordEnd(Direction& d) {
    const std::uint8_t type = d.header[0];
    const std::uint16_t length = readBe16(d.header.data() + 3);
    if (type == kChangeCipherSpec)
        d.encrypted = true;
    if (type == kAlert && !d.encrypted && length == 2 && d.alertGot == 2 &&
        m_summary.alert.empty()) {
        const std::string level = d.alert[0] == 1   ? "warning"
                                  : d.alert[0] == 2 ? "fatal"
                                                    : std::to_string(d.alert[0]);
        m_summary.alert = level + ' ' + tlsAlertName(d.alert[1]);
    }
    d.headerGot = 0;
}

void TlsSummarizer::gap(bool fromClient, std::uint64_t length) {
    Direction& d = m_directions[fromClient ? 0 : 1];
    if (d.lost)
        return;
    if (d.headerGot == 5 && length <= d.remaining) {
        if (d.header[0] == kHandshake && !d.encrypted && !d.helloDone && d.handshakeGot > 0)
            helloDone(d, true);
        d.alertGot = 0; // an alert with a hole is not read
        d.remaining -= static_cast<std::uint32_t>(length);
        if (d.remaining == 0)
            recordEnd(d);
        return;
    }
    d.lost = true;
    m_summary.truncated = true;
}

void TlsSummarizer::segmentStart(bool fromClient, std::span<const std::uint8_t> data) {
    Direction& d = m_directions[fromClient ? 0 : 1];
    // A reader that lost its place starts again where a segment starts a record.
    if (d.lost && looksLikeTls(data.first(std::min<std::size_t>(data.size(), 5)))) {
        d.lost = false;
        d.headerGot = 0;
        d.remaining = 0;
    }
}

void TlsSummarizer::finish() {
    for (Direction& d : m_directions)
        if (!d.helloDone && d.handshakeGot > 0)
            helloDone(d, true);
}

} // namespace tcpladder
