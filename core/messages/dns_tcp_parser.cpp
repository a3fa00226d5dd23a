#include "messages/dns_tcp_parser.h"

#include "decode/byte_cursor.h"
#include "messages/stream_text.h"

#include <optional>

namespace tcpladder {
namespace {

constexpr std::size_t kHeader = 12;

struct Question {
    std::string name;
    std::uint16_t type = 0;
};

// The name at `at`, following compression pointers a bounded number of
// times, as Wireshark prints it ("<Root>" for the root).
std::optional<Question> readQuestion(std::span<const std::uint8_t> message) {
    std::string name;
    std::size_t at = kHeader;
    std::size_t after = 0; // where the question continues after a pointer
    for (int steps = 0; steps < 128; ++steps) {
        if (at >= message.size())
            return std::nullopt;
        const std::uint8_t length = message[at];
        if (length == 0) {
            if (!after)
                after = at + 1;
            if (after + 4 > message.size())
                return std::nullopt;
            return Question{name.empty() ? "<Root>" : name, readBe16(message.data() + after)};
        }
        if ((length & 0xC0) == 0xC0) {
            if (at + 2 > message.size())
                return std::nullopt;
            if (!after)
                after = at + 2;
            at = (length & 0x3F) << 8 | message[at + 1];
            continue;
        }
        if (length & 0xC0 || at + 1 + length > message.size() || name.size() > 255)
            return std::nullopt;
        if (!name.empty())
            name += '.';
        name += printable({reinterpret_cast<const char*>(message.data() + at + 1), length}, 63);
        at += 1 + length;
    }
    return std::nullopt;
}

std::string typeName(std::uint16_t type) {
    switch (type) {
    case 1:
        return "A";
    case 2:
        return "NS";
    case 5:
        return "CNAME";
    case 6:
        return "SOA";
    case 12:
        return "PTR";
    case 15:
        return "MX";
    case 16:
        return "TXT";
    case 28:
        return "AAAA";
    case 33:
        return "SRV";
    case 43:
        return "DS";
    case 46:
        return "RRSIG";
    case 48:
        return "DNSKEY";
    case 64:
        return "SVCB";
    case 65:
        return "HTTPS";
    case 251:
        return "IXFR";
    case 252:
        return "AXFR";
    case 255:
        return "ANY";
    default:
        return "TYPE" + std::to_string(type);
    }
}

std::string rcodeName(unsigned rcode) {
    static const char* const kNames[] = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN",
                                         "NOTIMP",  "REFUSED", "YXDOMAIN", "YXRRSET",
                                         "NXRRSET", "NOTAUTH", "NOTZONE"};
    return rcode < 11 ? kNames[rcode] : "RCODE" + std::to_string(rcode);
}

} // namespace

void parseDnsTcp(const AssembledStream& stream, bool toServer, std::vector<Message>& out) {
    std::uint64_t at = 0;
    while (at < stream.end()) {
        const auto prefix = stream.bytesAt(at, 2);
        if (prefix.size() < 2)
            return; // no way to find the next message boundary after a hole
        const std::uint16_t length = readBe16(prefix.data());
        const auto message = stream.bytesAt(at + 2, length);
        const bool response = message.size() >= 3 && (message[2] & 0x80);
        Message m = streamMessage(stream, toServer, MessageProtocol::Dns,
                                  response ? MessageKind::DnsResponse : MessageKind::DnsQuery, at,
                                  2u + length);
        m.label = response ? "response" : "query";
        if (message.size() >= kHeader) {
            const unsigned rcode = message[3] & 0x0F;
            const std::uint16_t questions = readBe16(message.data() + 4);
            m.fields.push_back({"id", std::to_string(readBe16(message.data()))});
            if (questions > 0) {
                if (const auto question = readQuestion(message)) {
                    m.label += ' ' + typeName(question->type) + ' ' + question->name;
                    m.fields.push_back({"qname", question->name});
                    m.fields.push_back({"qtype", typeName(question->type)});
                }
            }
            if (response) {
                m.label += ' ' + rcodeName(rcode);
                m.fields.push_back({"rcode", rcodeName(rcode)});
            }
        }
        out.push_back(std::move(m));
        at += 2u + length;
    }
}

bool looksLikeDnsTcp(std::span<const std::uint8_t> start) {
    if (start.size() < 2 + kHeader)
        return false;
    const std::uint16_t length = readBe16(start.data());
    const auto message = start.subspan(2, std::min<std::size_t>(length, start.size() - 2));
    if (message.size() < kHeader)
        return false;
    const unsigned opcode = (message[2] >> 3) & 0x0F;
    const std::uint16_t questions = readBe16(message.data() + 4);
    return length >= kHeader && opcode <= 5 && questions >= 1 && questions <= 16 &&
           readQuestion(message).has_value();
}

} // namespace tcpladder
