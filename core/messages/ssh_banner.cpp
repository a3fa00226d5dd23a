#include "messages/ssh_banner.h"

#include "messages/stream_text.h"

namespace tcpladder {

void parseSshBanner(const AssembledStream& stream, bool toServer, std::vector<Message>& out) {
    // A server may send other lines before its identification string.
    std::uint64_t at = 0;
    for (int lines = 0; lines < 16 && at < stream.end(); ++lines) {
        const auto line = readLine(stream, at, 255);
        const std::string_view text = line ? line->text : asText(stream.bytesAt(at, 255));
        if (text.starts_with("SSH-")) {
            Message m =
                streamMessage(stream, toServer, MessageProtocol::Ssh, MessageKind::SshBanner, at,
                              line ? line->next - at : text.size());
            m.truncated = m.truncated || !line;
            m.label = printable(text, 80);
            m.fields = {{"banner", printable(text, 255)}};
            out.push_back(std::move(m));
            return;
        }
        if (!line)
            return;
        at = line->next;
    }
}

bool looksLikeSsh(std::span<const std::uint8_t> start) {
    return asText(start).starts_with("SSH-");
}

} // namespace tcpladder
