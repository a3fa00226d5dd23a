#include "messages/http_parser.h"

#include "common/units_text.h"
#include "messages/stream_text.h"

#include <charconv>
#include <deque>
#include <optional>

namespace tcpladder {
namespace {

constexpr std::size_t kMaxHeaderBlock = 64 * 1024;
constexpr std::size_t kMaxLine = 8 * 1024;
constexpr std::size_t kLabelTarget = 60;

struct StartLine {
    bool request = false;
    std::string_view method, target, version; // request
    unsigned code = 0;                        // response
    std::string_view reason;
};

bool isToken(std::string_view text) {
    if (text.empty() || text.size() > 24)
        return false;
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
            return false;
    return true;
}

// A request line the snapshot length cut: a method everyone knows, a space
// and the start of the target.
std::optional<StartLine> parseCutRequestLine(std::string_view text) {
    static constexpr std::string_view kMethods[] = {"GET",     "POST",  "HEAD",    "PUT",  "DELETE",
                                                    "OPTIONS", "PATCH", "CONNECT", "TRACE"};
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos || space + 1 >= text.size())
        return std::nullopt;
    for (std::string_view method : kMethods) {
        if (text.substr(0, space) == method) {
            StartLine start;
            start.request = true;
            start.method = method;
            start.target = text.substr(space + 1, text.find(' ', space + 1) - space - 1);
            return start;
        }
    }
    return std::nullopt;
}

std::optional<StartLine> parseStartLine(std::string_view line) {
    StartLine start;
    if (line.starts_with("HTTP/1.")) {
        if (line.size() < 12 || line[8] != ' ')
            return std::nullopt;
        const std::string_view code = line.substr(9, 3);
        for (char c : code)
            if (c < '0' || c > '9')
                return std::nullopt;
        if (line.size() > 12 && line[12] != ' ')
            return std::nullopt;
        start.code =
            static_cast<unsigned>((code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0'));
        start.reason = line.size() > 13 ? line.substr(13) : std::string_view{};
        start.version = line.substr(0, 8);
        return start;
    }
    const std::size_t space = line.find(' ');
    const std::size_t last = line.rfind(' ');
    if (space == std::string_view::npos || last == space)
        return std::nullopt;
    start.request = true;
    start.method = line.substr(0, space);
    start.target = line.substr(space + 1, last - space - 1);
    start.version = line.substr(last + 1);
    if (!isToken(start.method) || !start.version.starts_with("HTTP/1.") || start.target.empty())
        return std::nullopt;
    return start;
}

// A header block's fields that decide the body and the label.
struct Headers {
    std::optional<std::uint64_t> contentLength;
    bool lengthInvalid = false;
    bool chunked = false;
    std::string host;
    std::string contentType;
    bool close = false;
};

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

void readHeader(std::string_view line, Headers& headers) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
        return;
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (name.size() == 14 && startsWithNoCase(name, "content-length")) {
        std::uint64_t length = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
        if (ec == std::errc{} && end == value.data() + value.size())
            headers.contentLength = length;
        else
            headers.lengthInvalid = true;
    } else if (name.size() == 17 && startsWithNoCase(name, "transfer-encoding")) {
        headers.chunked =
            value.size() >= 7 && startsWithNoCase(value.substr(value.size() - 7), "chunked");
    } else if (name.size() == 4 && startsWithNoCase(name, "host")) {
        headers.host = printable(value, 256);
    } else if (name.size() == 12 && startsWithNoCase(name, "content-type")) {
        headers.contentType = printable(value, 128);
    } else if (name.size() == 10 && startsWithNoCase(name, "connection")) {
        headers.close = startsWithNoCase(value, "close");
    }
}

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
        size = trim(size);
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
            const bool noBody =
                !start->request && (method == "HEAD" || (start->code >= 100 && start->code < 200) ||
                                    start->code == 204 || start->code == 304);
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
            if ((start->request && method == "CONNECT") || start->code == 101 ||
                (method == "CONNECT" && start->code >= 200 && start->code < 300))
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
