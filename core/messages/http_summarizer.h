#pragma once

#include "messages/application_summary.h"
#include "messages/http_syntax.h"
#include "messages/summary_packet.h"

#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <string>

namespace tcpladder {

// Reads both directions of an HTTP/1 connection as their in-order bytes
// arrive, one packet at a time, into an ApplicationSummary. Bodies are
// counted off by Content-Length or chunk sizes, never kept; the only bytes
// kept are a line split across packets (at most kMaxLine) and the requests
// still waiting for their responses (at most kMaxPending).
class HttpSummarizer {
public:
    static constexpr std::size_t kMaxLine = 512;
    static constexpr std::size_t kMaxPending = 32;
    static constexpr std::size_t kMaxRising = 8;

    explicit HttpSummarizer(ApplicationSummary& summary) : m_summary(summary) {}

    void bytes(bool fromClient, std::span<const std::uint8_t> data, const SummaryPacket& packet);
    // `length` bytes the capture lacks (snaplen, loss) at this point.
    void gap(bool fromClient, std::uint64_t length, const SummaryPacket& packet);
    // A new in-order segment begins: where a reader that lost its place
    // tries again, as the full parser does.
    void segmentStart(bool fromClient);
    // The capture ended: a body still being read was cut.
    void finish();

private:
    enum class Mode : std::uint8_t {
        StartLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        UntilClose,
        Lost,
        Stopped,
    };
    struct Direction {
        Mode mode = Mode::StartLine;
        bool resyncing = false;
        bool lineCut = false;
        std::string line;
        std::string tail; // the end of a line longer than kMaxLine
        std::uint64_t remaining = 0;
        SummaryPacket messageStart;
        // The message being read: a request or a response.
        bool request = false;
        unsigned code = 0;
        std::string method;
        std::string target;
        Headers headers;
    };
    struct Pending {
        HttpExchange exchange;
        bool head = false;
        bool complete = false;
        TimeNs lastTime = 0;
    };

    void line(Direction& d, bool fromClient, std::string_view text, const SummaryPacket& packet);
    void startLine(Direction& d, bool fromClient, std::string_view text);
    void headersDone(Direction& d, bool fromClient, const SummaryPacket& packet);
    void messageDone(Direction& d, bool fromClient, const SummaryPacket& packet);
    void requestSeen(const StartLine& start, const Direction& d);
    void responseSeen(Direction& d);
    void recordWait(const HttpExchange& exchange);
    void lose(Direction& d);
    static void keep(Direction& d, std::string_view piece);

    ApplicationSummary& m_summary;
    std::array<Direction, 2> m_directions; // [0] client, [1] server
    std::deque<Pending> m_pending;
    bool m_pendingOverflow = false;
};

} // namespace tcpladder
