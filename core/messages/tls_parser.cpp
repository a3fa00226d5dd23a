#include "messages/tls_parser.h"

#include "common/units_text.h"
#include "decode/byte_cursor.h"
#include "messages/stream_text.h"
#include "messages/tls_hello.h"
#include "messages/tls_names.h"

#include <algorithm>
#include <array>

namespace tcpladder {
namespace {

constexpr std::size_t kMaxRecord = 16384 + 2048; // TLSCiphertext's limit
constexpr std::size_t kKeptHandshakeBody = 64 * 1024;

enum RecordType : std::uint8_t {
    kChangeCipherSpec = 20,
    kAlert = 21,
    kHandshake = 22,
    kApplicationData = 23,
    kHeartbeat = 24,
};

bool validHeader(std::span<const std::uint8_t> h) {
    return h.size() >= 5 && h[0] >= kChangeCipherSpec && h[0] <= kHeartbeat && h[1] == 3 &&
           h[2] <= 4 && readBe16(h.data() + 3) <= kMaxRecord;
}

class TlsDirection {
public:
    TlsDirection(const AssembledStream& stream, bool toServer, std::vector<Message>& out)
        : m_stream(stream), m_toServer(toServer), m_out(out) {}

    void run(std::uint64_t at) {
        while (at < m_stream.end()) {
            const auto header = m_stream.bytesAt(at, 5);
            if (!validHeader(header)) {
                // Lost our place: the next captured run may start a record.
                resetHandshake(at);
                m_appData = -1;
                at = m_stream.nextSegmentStart(at);
                continue;
            }
            const std::uint8_t type = header[0];
            const std::uint16_t length = readBe16(header.data() + 3);
            const std::uint64_t body = at + 5;
            if (type == kApplicationData)
                applicationData(at, length);
            else
                m_appData = -1;
            if (type == kHandshake && m_encrypted)
                recordMessage(MessageKind::TlsEncryptedHandshake, at, length,
                              "Encrypted Handshake");
            else if (type == kHandshake)
                handshakeRecord(body, length);
            else if (type == kChangeCipherSpec) {
                recordMessage(MessageKind::TlsChangeCipherSpec, at, length, "ChangeCipherSpec");
                m_encrypted = true;
            } else if (type == kAlert)
                alert(at, length);
            else if (type == kHeartbeat)
                recordMessage(MessageKind::TlsHandshake, at, length, "Heartbeat");
            at = body + length;
        }
        resetHandshake(m_stream.end());
    }

private:
    void recordMessage(MessageKind kind, std::uint64_t at, std::uint16_t length,
                       std::string label) {
        Message m =
            streamMessage(m_stream, m_toServer, MessageProtocol::Tls, kind, at, 5u + length);
        m.label = std::move(label);
        m_out.push_back(std::move(m));
    }

    void applicationData(std::uint64_t at, std::uint16_t length) {
        if (m_appData < 0) {
            m_appData = static_cast<std::int64_t>(m_out.size());
            m_appStart = at;
            m_appRecords = 0;
            m_appBytes = 0;
            m_out.emplace_back();
        }
        ++m_appRecords;
        m_appBytes += length;
        Message m = streamMessage(m_stream, m_toServer, MessageProtocol::Tls,
                                  MessageKind::TlsApplicationData, m_appStart,
                                  at + 5 + length - m_appStart);
        m.label = "Application Data";
        if (m_appRecords > 1)
            m.label += " ×" + std::to_string(m_appRecords);
        m.label += " · " + bytesText(m_appBytes);
        m.fields = {{"records", std::to_string(m_appRecords)},
                    {"bytes", std::to_string(m_appBytes)}};
        m_out[static_cast<std::size_t>(m_appData)] = std::move(m);
    }

    void alert(std::uint64_t at, std::uint16_t length) {
        const auto bytes = m_stream.bytesAt(at + 5, length);
        if (m_encrypted || length != 2 || bytes.size() != 2) {
            recordMessage(MessageKind::TlsAlert, at, length, "Encrypted Alert");
            return;
        }
        const std::string level = bytes[0] == 1   ? "warning"
                                  : bytes[0] == 2 ? "fatal"
                                                  : std::to_string(bytes[0]);
        recordMessage(MessageKind::TlsAlert, at, length,
                      "Alert " + level + ' ' + tlsAlertName(bytes[1]));
        m_out.back().fields = {{"level", level},
                               {"description", tlsAlertName(bytes[1])},
                               {"alert_description", std::to_string(bytes[1])}};
    }

    // Handshake messages run on across records: a small state machine over
    // the record bodies keeps each message's first bytes and counts the rest.
    void handshakeRecord(std::uint64_t body, std::uint16_t length) {
        const auto bytes = m_stream.bytesAt(body, length);
        m_recordEnd = body + length;
        feed(bytes, body);
        if (bytes.size() < length)
            resetHandshake(body + length);
    }

    void feed(std::span<const std::uint8_t> bytes, std::uint64_t base) {
        std::size_t i = 0;
        while (i < bytes.size()) {
            if (m_headerGot < 4) {
                if (m_headerGot == 0)
                    m_start = base + i;
                m_header[m_headerGot++] = bytes[i++];
                if (m_headerGot == 4 && !tlsHandshakeKnown(m_header[0])) {
                    // Not a handshake message after all (a malformed one
                    // before it lied about its length): Wireshark stops
                    // reading the record here too.
                    m_headerGot = 0;
                    return;
                }
                if (m_headerGot == 4) {
                    m_length = std::uint32_t{m_header[1]} << 16 | std::uint32_t{m_header[2]} << 8 |
                               m_header[3];
                    m_received = 0;
                    m_body.clear();
                    if (m_length == 0)
                        complete(base + i, false);
                }
                continue;
            }
            const std::size_t take = std::min<std::size_t>(bytes.size() - i, m_length - m_received);
            const std::size_t keep = std::min(take, kKeptHandshakeBody - m_body.size());
            m_body.insert(m_body.end(), bytes.begin() + static_cast<long>(i),
                          bytes.begin() + static_cast<long>(i + keep));
            m_received += static_cast<std::uint32_t>(take);
            i += take;
            if (m_received == m_length)
                complete(base + i, false);
        }
    }

    // The capture lost part of a handshake record: a message begun is
    // reported truncated and reading resumes at the next record.
    void resetHandshake(std::uint64_t lostAt) {
        if (m_headerGot == 4)
            complete(std::max(lostAt, m_start + 1), true);
        m_headerGot = 0;
    }

    // A message is complete with its record: Wireshark reassembles records,
    // not handshake messages, and shows each message at its record's end.
    void complete(std::uint64_t end, bool cut) {
        if (!cut)
            end = std::max(end, m_recordEnd);
        Message m = streamMessage(m_stream, m_toServer, MessageProtocol::Tls,
                                  MessageKind::TlsHandshake, m_start, end - m_start);
        m.truncated = m.truncated || cut;
        const std::uint8_t type = m_header[0];
        m.label = tlsHandshakeName(type);
        m.fields = {{"handshake_type", std::to_string(type)}, {"length", std::to_string(m_length)}};
        if (type == 1 || type == 2) {
            const TlsHello hello = readTlsHello(type, m_body);
            if (hello.retry)
                m.label = "HelloRetryRequest";
            if (type == 1) {
                if (!hello.sni.empty())
                    m.label += " sni=" + hello.sni;
                if (!hello.alpn.empty())
                    m.label += " alpn=" + hello.alpn;
            } else if (hello.complete || hello.cipher) {
                m.label += ' ' + tlsVersionName(hello.version) + ' ' + tlsCipherName(hello.cipher);
                m.fields.push_back({"cipher", tlsCipherName(hello.cipher)});
                if (!hello.alpn.empty())
                    m.label += " alpn=" + hello.alpn;
            }
            m.fields.push_back({"version", tlsVersionName(hello.version)});
            if (!hello.sni.empty())
                m.fields.push_back({"sni", hello.sni});
            if (!hello.alpn.empty())
                m.fields.push_back({"alpn", hello.alpn});
        } else if (type == 11) {
            m.label += " · " + bytesText(m_length);
        }
        m_out.push_back(std::move(m));
        m_headerGot = 0;
    }

    const AssembledStream& m_stream;
    bool m_toServer;
    std::vector<Message>& m_out;
    bool m_encrypted = false; // after this side's ChangeCipherSpec
    std::int64_t m_appData = -1;
    std::uint64_t m_appStart = 0;
    std::uint64_t m_appRecords = 0;
    std::uint64_t m_appBytes = 0;
    std::array<std::uint8_t, 4> m_header{};
    int m_headerGot = 0;
    std::uint64_t m_start = 0;
    std::uint64_t m_recordEnd = 0;
    std::uint32_t m_length = 0;
    std::uint32_t m_received = 0;
    std::vector<std::uint8_t> m_body;
};

} // namespace

void parseTls(const AssembledStream& stream, bool toServer, std::vector<Message>& out,
              std::uint64_t from) {
    TlsDirection(stream, toServer, out).run(from);
}

bool looksLikeTls(std::span<const std::uint8_t> start) {
    return validHeader(start) && (start[0] == kHandshake || start[0] == kAlert);
}

} // namespace tcpladder
