#include "messages/text_line.h"

#include "messages/stream_text.h"

namespace tcpladder {
namespace {

constexpr std::size_t kMaxLine = 2048;
constexpr int kMaxLines = 10000;

bool isText(std::string_view line) {
    for (char c : line) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && b != '\t') || b == 0x7F)
            return false;
    }
    return true;
}

} // namespace

std::uint64_t parseTextLines(const AssembledStream& stream, bool toServer,
                             std::vector<Message>& out) {
    std::uint64_t at = 0;
    for (int lines = 0; lines < kMaxLines && at < stream.end(); ++lines) {
        const auto line = readLine(stream, at, kMaxLine);
        if (!line || !isText(line->text))
            return at;
        Message m = streamMessage(stream, toServer, MessageProtocol::Text, MessageKind::TextLine,
                                  at, line->next - at);
        m.label = printable(line->text, 80);
        m.fields = {{"line", printable(line->text, kMaxLine)}};
        out.push_back(std::move(m));
        at = line->next;
    }
    return at;
}

bool looksLikeTextGreeting(std::span<const std::uint8_t> start) {
    const std::string_view text = asText(start);
    const bool code = text.size() >= 4 && text[0] >= '1' && text[0] <= '5' && text[1] >= '0' &&
                      text[1] <= '9' && text[2] >= '0' && text[2] <= '9' &&
                      (text[3] == ' ' || text[3] == '-');
    return code || text.starts_with("+OK") || text.starts_with("* OK") ||
           text.starts_with("* PREAUTH");
}

} // namespace tcpladder
