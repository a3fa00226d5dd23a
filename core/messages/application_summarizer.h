#pragma once

#include "decode/tcp_segment.h"
#include "messages/application_summary.h"
#include "messages/http_summarizer.h"
#include "messages/summary_packet.h"
#include "messages/tls_summarizer.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace tcpladder {

// One connection's application summary, fed its segments in capture order
// while loading. Each direction's bytes are put in sequence order with
// bounded state: old data (retransmissions, keep-alives) is skipped, a
// segment that arrives early waits (at most kMaxAhead of them, each at most
// kMaxAheadBytes) and past that the missing bytes become a gap that the
// protocol reader skips or marks. The protocol is recognised from the first
// few segments of each side by the same tests as detectProtocol().
class ApplicationSummarizer {
public:
    static constexpr std::size_t kMaxAhead = 4;
    static constexpr std::size_t kMaxAheadBytes = 2048;
    static constexpr std::size_t kPrefixBytes = 512;

    ApplicationSummarizer();
    ~ApplicationSummarizer();
    ApplicationSummarizer(const ApplicationSummarizer&) = delete;
    ApplicationSummarizer& operator=(const ApplicationSummarizer&) = delete;

    // `side`: 0 for the side that sent the connection's first packet.
    void add(int side, const TcpSegment& segment, std::span<const std::uint8_t> captured,
             const SummaryPacket& packet);
    // Which side is the client until a SYN says (the caller's port rule).
    void guessClient(int side) {
        if (!m_clientKnown)
            m_clientSide = side;
    }
    // True once nothing later can change the summary.
    bool done() const { return m_state == State::Done; }
    ApplicationSummary finish();

private:
    enum class State : std::uint8_t { Detecting, Http, Tls, Prefix, Done };
    struct Ahead {
        std::uint32_t seq = 0;
        std::uint32_t length = 0;
        std::vector<std::uint8_t> bytes;
        SummaryPacket packet;
    };
    struct Order {
        bool started = false;
        std::uint32_t next = 0;
        std::uint8_t segments = 0; // in-order data segments seen, up to a few
        std::vector<Ahead> ahead;
    };

    void deliver(int side, std::uint32_t seq, std::uint32_t length,
                 std::span<const std::uint8_t> captured, const SummaryPacket& packet);
    void drainAhead(int side, const SummaryPacket& filler);
    // Gives up waiting for the bytes before the earliest waiting segment.
    void flushEarliest(int side, const SummaryPacket& packet);
    void segment(int side, std::span<const std::uint8_t> captured, std::uint32_t length,
                 const SummaryPacket& packet);
    void detect(int side, std::span<const std::uint8_t> captured);
    void bytes(int side, std::span<const std::uint8_t> data, const SummaryPacket& packet);
    void gap(int side, std::uint64_t length, const SummaryPacket& packet);
    bool fromClient(int side) const { return side == m_clientSide; }
    void finishPrefix();

    State m_state = State::Detecting;
    int m_clientSide = 0;
    bool m_clientKnown = false;
    std::array<Order, 2> m_order;
    ApplicationSummary m_summary;
    std::unique_ptr<HttpSummarizer> m_http;
    std::unique_ptr<TlsSummarizer> m_tls;
    // DNS, SSH and text: each side's first bytes, read at the end by the
    // full parsers.
    std::array<std::string, 2> m_prefix;
    std::array<SummaryPacket, 2> m_prefixPacket;
    std::array<bool, 2> m_prefixClosed{};
};

} // namespace tcpladder
