#include "messages/http_syntax.h"

#include "messages/stream_text.h"

#include <charconv>

namespace tcpladder {
namespace {

bool isToken(std::string_view text) {
    if (text.empty() || text.size() > 24)
        return false;
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
            return false;
    return true;
}

} // namespace

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

std::string_view trimHttpSpace(std::string_view text) {
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
    const std::string_view value = trimHttpSpace(line.substr(colon + 1));
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

bool responseHasNoBody(std::string_view requestMethod, unsigned code) {
    return requestMethod == "HEAD" || (code >= 100 && code < 200) || code == 204 || code == 304;
}

bool leavesHttp(std::string_view requestMethod, unsigned code) {
    return code == 101 || (requestMethod == "CONNECT" && code >= 200 && code < 300);
}

} // namespace tcpladder
