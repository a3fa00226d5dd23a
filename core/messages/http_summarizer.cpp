#include "messages/http_summarizer.h"

#include "messages/stream_text.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace tcpladder {
namespace {

// The slow rule's floor (analysis/slow_rule.h): a wait below it is never
// slow, so it can never be the first slow request.
constexpr TimeNs kRisingFloor = 100'000'000;
constexpr std::size_t kKeptTarget = 256;
constexpr std::size_t kKeptTail = 32;

std::optional<std::uint64_t> chunkSize(std::string_view line) {
    const std::string_view size = trimHttpSpace(line.substr(0, line.find(';')));
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(size.data(), size.data() + size.size(), value, 16);
    if (ec != std::errc{} || end == size.data())
        return std::nullopt;
    return value;
}

} // namespace

void HttpSummarizer::bytes(bool fromClient, std::span<const std::uint8_t> data,
                           const SummaryPacket& packet) {
    Direction& d = m_directions[fromClient ? 0 : 1];
    std::size_t i = 0;
    while (i < data.size()) {
        switch (d.mode) {
        case Mode::Lost:
        case Mode::Stopped:
        case Mode::UntilClose:
            return;
        case Mode::Body:
        case Mode::ChunkData:
        case Mode::ChunkDataEnd: {
            const auto take =
                static_cast<std::size_t>(std::min<std::uint64_t>(d.remaining, data.size() - i));
            i += take;
            d.remaining -= take;
            if (d.remaining > 0)
                break;
            if (d.mode == Mode::Body) {
                messageDone(d, fromClient, packet);
            } else if (d.mode == Mode::ChunkData) {
                d.mode = Mode::ChunkDataEnd;
                d.remaining = 2; // the CR LF after the chunk's data
            } else {
                d.mode = Mode::ChunkSize;
            }
            break;
        }
        default: {
            if (d.mode == Mode::StartLine && d.line.empty() && !d.lineCut)
                d.messageStart = packet;
            const auto* begin = data.data() + i;
            const auto* newline =
                static_cast<const std::uint8_t*>(std::memchr(begin, '\n', data.size() - i));
            const std::size_t length =
                newline ? static_cast<std::size_t>(newline - begin) : data.size() - i;
            const std::string_view piece(reinterpret_cast<const char*>(begin), length);
            if (!newline) {
                keep(d, piece);
                return;
            }
            i += length + 1;
            std::string_view text = piece;
            if (!d.line.empty() || d.lineCut) {
                keep(d, piece);
                if (d.lineCut)
                    d.line += d.tail;
                text = d.line;
            }
            if (!text.empty() && text.back() == '\r')
                text.remove_suffix(1);
            line(d, fromClient, text, packet);
            d.line.clear();
            d.line.shrink_to_fit();
            d.tail.clear();
            d.lineCut = false;
        }
        }
    }
}

// A line split across packets is kept up to kMaxLine bytes, and past that its
// last few: a long request line's version is at its end.
void HttpSummarizer::keep(Direction& d, std::string_view piece) {
    const std::size_t room = kMaxLine - std::min(kMaxLine, d.line.size());
    d.line.append(piece.substr(0, room));
    if (piece.size() <= room)
        return;
    d.lineCut = true;
    d.tail.append(piece.substr(room));
    if (d.tail.size() > kKeptTail)
        d.tail.erase(0, d.tail.size() - kKeptTail);
}

void HttpSummarizer::line(Direction& d, bool fromClient, std::string_view text,
                          const SummaryPacket& packet) {
    switch (d.mode) {
    case Mode::StartLine:
        startLine(d, fromClient, text);
        break;
    case Mode::Headers:
        if (text.empty()) {
            headersDone(d, fromClient, packet);
        } else {
            readHeader(text, d.headers);
            if (d.request && m_summary.requests == 1 && m_summary.host.empty())
                m_summary.host = d.headers.host;
        }
        break;
    case Mode::ChunkSize:
        if (const auto size = chunkSize(text)) {
            d.mode = *size == 0 ? Mode::Trailers : Mode::ChunkData;
            d.remaining = *size;
        } else {
            lose(d);
        }
        break;
    case Mode::Trailers:
        if (text.empty())
            messageDone(d, fromClient, packet);
        break;
    default:
        break;
    }
}

void HttpSummarizer::startLine(Direction& d, bool fromClient, std::string_view text) {
    const auto start = parseStartLine(text);
    if (!start || start->request != fromClient) {
        // Not a message boundary after all: wait for the next segment.
        d.mode = Mode::Lost;
        d.resyncing = false;
        return;
    }
    d.resyncing = false;
    d.mode = Mode::Headers;
    d.headers = Headers{};
    d.request = start->request;
    d.code = start->code;
    if (start->request) {
        d.method = std::string(start->method);
        d.target = printable(start->target, kKeptTarget);
        requestSeen(*start, d);
    }
}

void HttpSummarizer::requestSeen(const StartLine& start, const Direction& d) {
    HttpExchange exchange;
    exchange.index = m_summary.requests++;
    exchange.method = std::string(start.method);
    exchange.target = printable(start.target, kKeptTarget);
    exchange.requestFrame = d.messageStart.firstFrame;
    if (exchange.index == 0)
        m_summary.first = exchange;
    if (m_pending.size() >= kMaxPending) {
        // Past this many unanswered requests the pairing is not worth its
        // memory: the remaining responses are counted, not timed.
        m_pendingOverflow = true;
        m_summary.truncated = true;
    }
    if (m_pendingOverflow)
        return;
    Pending pending;
    pending.exchange = std::move(exchange);
    pending.head = start.method == "HEAD";
    m_pending.push_back(std::move(pending));
}

void HttpSummarizer::headersDone(Direction& d, bool fromClient, const SummaryPacket& packet) {
    const Headers& headers = d.headers;
    if (!d.request) {
        const std::string method =
            m_pending.empty() ? std::string() : m_pending.front().exchange.method;
        if (d.code >= 200)
            responseSeen(d);
        if (responseHasNoBody(method, d.code)) {
            const bool leaves = leavesHttp(method, d.code);
            messageDone(d, fromClient, packet);
            if (leaves)
                for (Direction& each : m_directions)
                    each.mode = Mode::Stopped;
            return;
        }
        if (leavesHttp(method, d.code)) {
            for (Direction& each : m_directions)
                each.mode = Mode::Stopped;
            return;
        }
    }
    if (headers.chunked) {
        d.mode = Mode::ChunkSize;
    } else if (headers.contentLength && *headers.contentLength > 0) {
        d.mode = Mode::Body;
        d.remaining = *headers.contentLength;
    } else if (headers.contentLength || d.request) {
        messageDone(d, fromClient, packet);
    } else {
        d.mode = Mode::UntilClose;
    }
}

void HttpSummarizer::messageDone(Direction& d, bool fromClient, const SummaryPacket& packet) {
    d.mode = Mode::StartLine;
    d.headers = Headers{};
    if (fromClient) {
        // The request just read is the newest one still waiting.
        if (!m_pending.empty() && !m_pending.back().complete) {
            m_pending.back().complete = true;
            m_pending.back().lastTime = packet.time;
        }
        if (d.method == "CONNECT")
            d.mode = Mode::Stopped;
    }
}

void HttpSummarizer::responseSeen(Direction& d) {
    ++m_summary.responses;
    if (m_pending.empty())
        return;
    Pending pending = std::move(m_pending.front());
    m_pending.pop_front();
    HttpExchange& exchange = pending.exchange;
    exchange.status = d.code;
    exchange.responseFrame = d.messageStart.firstFrame;
    if (pending.complete)
        exchange.wait = d.messageStart.firstTime - pending.lastTime;
    if (exchange.index == 0)
        m_summary.first = exchange;
    recordWait(exchange);
}

void HttpSummarizer::recordWait(const HttpExchange& exchange) {
    if (exchange.wait < 0)
        return;
    m_summary.waits.push_back(exchange.wait);
    if (!m_summary.slowest || exchange.wait > m_summary.slowest->wait)
        m_summary.slowest = exchange;
    auto& rising = m_summary.risingWaits;
    if (exchange.wait < kRisingFloor || (!rising.empty() && exchange.wait <= rising.back().wait))
        return;
    if (rising.size() < kMaxRising)
        rising.push_back(exchange);
    else
        rising.back() = exchange;
}

void HttpSummarizer::lose(Direction& d) {
    d.mode = Mode::Lost;
    d.resyncing = false;
    m_summary.truncated = true;
}

void HttpSummarizer::gap(bool fromClient, std::uint64_t length, const SummaryPacket& packet) {
    Direction& d = m_directions[fromClient ? 0 : 1];
    switch (d.mode) {
    case Mode::Lost:
    case Mode::Stopped:
    case Mode::UntilClose:
        return;
    case Mode::Body:
    case Mode::ChunkData:
        if (length < d.remaining) {
            d.remaining -= length;
            return;
        }
        if (length == d.remaining && d.mode == Mode::Body) {
            d.remaining = 0;
            messageDone(d, fromClient, packet);
            return;
        }
        lose(d);
        return;
    case Mode::StartLine:
        if (fromClient && !d.line.empty()) {
            if (const auto cut = parseCutRequestLine(d.line)) {
                requestSeen(*cut, d);
                d.method = std::string(cut->method);
                m_pending.back().complete = !m_pendingOverflow;
                m_pending.back().lastTime = packet.time;
            }
        }
        d.line.clear();
        d.tail.clear();
        d.lineCut = false;
        lose(d);
        return;
    default:
        // A header block or chunk line the capture cut: the request is as
        // complete as the capture will ever show it.
        if (fromClient && d.request && !m_pending.empty() && !m_pending.back().complete) {
            m_pending.back().complete = true;
            m_pending.back().lastTime = packet.time;
        }
        if (d.mode == Mode::Headers && !d.request && !d.line.empty())
            readHeader(d.line, d.headers);
        if (d.mode == Mode::Headers && !d.request && d.code >= 200)
            responseSeen(d);
        d.line.clear();
        d.tail.clear();
        d.lineCut = false;
        lose(d);
        return;
    }
}

void HttpSummarizer::segmentStart(bool fromClient) {
    Direction& d = m_directions[fromClient ? 0 : 1];
    if (d.mode != Mode::Lost)
        return;
    d.mode = Mode::StartLine;
    d.resyncing = true;
    d.line.clear();
    d.tail.clear();
    d.lineCut = false;
}

void HttpSummarizer::finish() {
    for (const Direction& d : m_directions) {
        switch (d.mode) {
        case Mode::Headers:
        case Mode::Body:
        case Mode::ChunkSize:
        case Mode::ChunkData:
        case Mode::ChunkDataEnd:
        case Mode::Trailers:
            m_summary.truncated = true;
            break;
        default:
            break;
        }
    }
}

} // namespace tcpladder
