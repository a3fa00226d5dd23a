#include "messages/stream_text.h"

#include <algorithm>

namespace tcpladder {

Message streamMessage(const AssembledStream& stream, bool toServer, MessageProtocol protocol,
                      MessageKind kind, std::uint64_t from, std::uint64_t length) {
    Message message;
    message.toServer = toServer;
    message.protocol = protocol;
    message.kind = kind;
    message.streamOffset = from;
    message.length = length;
    const std::uint64_t declaredEnd = length > UINT64_MAX - from ? UINT64_MAX : from + length;
    const std::uint64_t end = std::min(declaredEnd, stream.end());
    message.truncated = declaredEnd > stream.end() || !stream.captured(from, end);
    const StreamOrigin origin = stream.origin(from, std::max(end, from + 1));
    message.firstFrame = origin.firstFrame;
    message.lastFrame = origin.lastFrame;
    message.firstTime = origin.firstTime;
    message.lastTime = origin.lastTime;
    return message;
}

std::optional<StreamLine> readLine(const AssembledStream& stream, std::uint64_t offset,
                                   std::size_t maxLength) {
    const std::string_view text = asText(stream.bytesAt(offset, maxLength));
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos)
        return std::nullopt;
    std::string_view line = text.substr(0, newline);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return StreamLine{line, offset + newline + 1};
}

std::string_view asText(std::span<const std::uint8_t> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::string printable(std::string_view text, std::size_t max) {
    std::string out;
    const std::size_t length = std::min(text.size(), max);
    out.reserve(length + 3);
    for (std::size_t i = 0; i < length; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        out.push_back(c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '.');
    }
    if (text.size() > max)
        out += "...";
    return out;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char a = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
        const char b =
            prefix[i] >= 'A' && prefix[i] <= 'Z' ? static_cast<char>(prefix[i] + 32) : prefix[i];
        if (a != b)
            return false;
    }
    return true;
}

} // namespace tcpladder
