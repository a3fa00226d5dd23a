#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcpladder {

// The HTTP/1 syntax both readers share: the full parser over a reassembled
// stream and the summary built while loading, so the two cannot disagree
// about what a request line or a body length is.

struct StartLine {
    bool request = false;
    std::string_view method, target, version; // request
    unsigned code = 0;                        // response
    std::string_view reason;
};

std::optional<StartLine> parseStartLine(std::string_view line);
// A request line the snapshot length cut: a method everyone knows, a space
// and the start of the target.
std::optional<StartLine> parseCutRequestLine(std::string_view text);

// A header block's fields that decide the body and the label.
struct Headers {
    std::optional<std::uint64_t> contentLength;
    bool lengthInvalid = false;
    bool chunked = false;
    std::string host;
    std::string contentType;
    bool close = false;
};

void readHeader(std::string_view line, Headers& headers);
std::string_view trimHttpSpace(std::string_view text);

// A response without a body whatever its headers say (RFC 9112 6.3).
bool responseHasNoBody(std::string_view requestMethod, unsigned code);
// What follows is not HTTP any more: a tunnel or a protocol switch.
bool leavesHttp(std::string_view requestMethod, unsigned code);

} // namespace tcpladder
