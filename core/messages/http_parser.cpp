#include "messages/http_parser.h"

#include "common/units_text.h"
#include "messages/http_syntax.h"
#include "messages/stream_text.h"

#include <charconv>
#include <deque>
#include <optional>

namespace tcpladder {
namespace {

constexpr std::size_t kMaxHeaderBlock = 64 * 1024;
constexpr std::size_t kMaxLine = 8 * 1024;
constexpr std::size_t kLabelTarget = 60;

// Where a chunked body ends (after its last chunk and trailers) and how many
// data bytes it held; nullopt end when the capture lost a size line.
struct ChunkedBody {
    std::optional<std::uint64_t> end;
    std::uint64_t dataBytes = 0;
};

ChunkedBody skipChunked(const AssembledStream& stream, std::uint64_t at) {
    ChunkedBody body;
    while (at < stream.end()) {
        const auto line = readLine(stream, at, kMaxLine);
        if (!line)
            return body;
        std::string_view size = line->text.substr(0, line->text.find(';'));
        size = trimHttpSpace(size);
        std::uint64_t chunk = 0;
        const auto [end, ec] = std::from_chars(size.data(), size.data() + size.size(), chunk, 16);
        if (ec != std::errc{} || end == size.data())
            return body;
        if (chunk == 0) {
            // Trailer lines until an empty one.
            std::uint64_t trailer = line->next;
            for (int lines = 0; lines < 256; ++lines) {
                const auto next = readLine(stream, trailer, kMaxLine);
                if (!next)
                    return body;
                trailer = next->next;
                if (next->text.empty()) {
                    body.end = trailer;
                    return body;
                }
            }
            return body;
        }
        if (chunk > stream.end() - line->next)
            return body;
        body.dataBytes += chunk;
        at = line->next + chunk + 2;
    }
    return body;
}

class HttpDirection {
public:
    HttpDirection(const AssembledStream& stream, bool toServer, std::vector<Message>& out)
        : m_stream(stream), m_toServer(toServer), m_out(out) {}

    // Reads every message; `requestMethods` feeds the responses (HEAD and
    // CONNECT change what follows them) and is filled by the requests.
    void run(std::deque<std::string>& requestMethods) {
        std::uint64_t at = 0;
        while (at < m_stream.end()) {
            const std::optional<std::uint64_t> next = readMessage(at, requestMethods);
            if (next && *next > at) {
                at = *next;
                continue;
            }
            if (m_stopped)
                return;
            at = m_stream.nextSegmentStart(at);
        }
    }

private:
    std::optional<std::uint64_t> readMessage(std::uint64_t at,
                                             std::deque<std::string>& requestMethods) {
        const auto first = readLine(m_stream, at, kMaxLine);
        std::optional<StartLine> start;
        if (first)
            start = parseStartLine(first->text);
        else
            start = parseCutRequestLine(asText(m_stream.bytesAt(at, kMaxLine)));
        if (!start || start->request != m_toServer)
            return std::nullopt;
        // The header block, as far as the capture holds it.
        Headers headers;
        std::uint64_t cursor = first ? first->next : m_stream.end();
        bool complete = false;
        while (first && cursor - at < kMaxHeaderBlock) {
            const auto line = readLine(m_stream, cursor, kMaxLine);
            if (!line)
                break;
            cursor = line->next;
            if (line->text.empty()) {
                complete = true;
                break;
            }
            readHeader(line->text, headers);
        }
        std::uint64_t bodyBytes = 0;
        std::uint64_t end = cursor;
        bool cut = !complete;
        bool untilClose = false;
        if (complete) {
            const std::string method = start->request           ? std::string(start->method)
                                       : requestMethods.empty() ? std::string()
                                                                : requestMethods.front();
            const bool noBody = !start->request && responseHasNoBody(method, start->code);
            if (noBody) {
            } else if (headers.chunked) {
                const ChunkedBody body = skipChunked(m_stream, cursor);
                bodyBytes = body.dataBytes;
                end = body.end.value_or(m_stream.end());
                cut = !body.end;
            } else if (headers.contentLength) {
                bodyBytes = *headers.contentLength;
                end = bodyBytes > UINT64_MAX - cursor ? UINT64_MAX : cursor + bodyBytes;
            } else if (!start->request) {
                end = m_stream.end(); // until the connection closes
                bodyBytes = end - cursor;
                untilClose = true;
            }
            if (start->request)
                requestMethods.emplace_back(method);
            else if (start->code >= 200 && !requestMethods.empty())
                requestMethods.pop_front();
            // A tunnel or a protocol switch: what follows is not HTTP.
            if ((start->request && method == "CONNECT") ||
                (!start->request && leavesHttp(method, start->code)))
                m_stopped = true;
        }
        emit(*start, headers, at, end, bodyBytes, cut);
        if (untilClose) {
            // The body ends where the server closed; without a FIN or RST
            // the capture may have stopped in the middle of it.
            Message& m = m_out.back();
            const StreamOrigin& close = m_stream.close();
            m.truncated = m.truncated || !close.known;
            if (close.known && close.lastFrame > m.lastFrame) {
                m.lastFrame = close.lastFrame;
                m.lastTime = close.lastTime;
            }
        }
        if (!complete || m_stopped)
            return std::nullopt;
        return end;
    }

    void emit(const StartLine& start, const Headers& headers, std::uint64_t from, std::uint64_t end,
              std::uint64_t bodyBytes, bool cut) {
        Message m = streamMessage(
            m_stream, m_toServer, MessageProtocol::Http,
            start.request ? MessageKind::HttpRequest : MessageKind::HttpResponse, from, end - from);
        m.truncated = m.truncated || cut;
        if (start.request) {
            m.label = std::string(start.method) + ' ' + printable(start.target, kLabelTarget);
            m.fields = {{"method", std::string(start.method)},
                        {"target", printable(start.target, 4096)},
                        {"version", std::string(start.version)}};
            if (!headers.host.empty())
                m.fields.push_back({"host", headers.host});
        } else {
            m.label = std::to_string(start.code);
            if (!start.reason.empty())
                m.label += ' ' + printable(start.reason, 40);
            if (bodyBytes > 0)
                m.label += " · " + bytesText(bodyBytes);
            m.fields = {{"code", std::to_string(start.code)},
                        {"reason", printable(start.reason, 256)},
                        {"version", std::string(start.version)}};
        }
        if (bodyBytes > 0)
            m.fields.push_back({"body", std::to_string(bodyBytes)});
        if (headers.chunked)
            m.fields.push_back({"transfer-encoding", "chunked"});
        if (!headers.contentType.empty())
            m.fields.push_back({"content-type", headers.contentType});
        if (headers.close)
            m.fields.push_back({"connection", "close"});
        if (headers.lengthInvalid)
            m.fields.push_back({"content-length", "invalid"});
        m_out.push_back(std::move(m));
    }

    const AssembledStream& m_stream;
    bool m_toServer;
    std::vector<Message>& m_out;
    bool m_stopped = false;
};

} // namespace

void parseHttp(const AssembledStream& client, const AssembledStream& server,
               std::vector<Message>& out) {
    std::deque<std::string> methods;
    HttpDirection(client, true, out).run(methods);
    std::deque<std::string> pending;
    for (const Message& m : out)
        if (m.kind == MessageKind::HttpRequest && m.field("method"))
            pending.push_back(*m.field("method"));
    HttpDirection(server, false, out).run(pending);
}

bool looksLikeHttp(std::span<const std::uint8_t> start) {
    const std::string_view text = asText(start.first(std::min<std::size_t>(start.size(), 512)));
    const std::size_t end = text.find_first_of("\r\n");
    return parseStartLine(text.substr(0, end)).has_value() ||
           (end == std::string_view::npos && parseCutRequestLine(text).has_value()) ||
           text.starts_with("HTTP/1.");
}

} // namespace tcpladder
