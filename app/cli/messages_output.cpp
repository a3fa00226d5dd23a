#include "messages_output.h"

#include "messages/connection_messages.h"
#include "store/packet_text.h"

#include <cstdio>

namespace tcpladder::cli {
namespace {

std::string optionalSeconds(TimeNs value, const char* none) {
    return value < 0 ? none : formatSeconds(value);
}

// name=value;name=value, with '%' and ';' in values escaped as %25 and %3B so
// that a script can split them back.
std::string fieldsText(const Message& m) {
    std::string text;
    for (const MessageField& f : m.fields) {
        if (!text.empty())
            text += ';';
        text += f.name + '=';
        for (char c : f.value) {
            if (c == '%')
                text += "%25";
            else if (c == ';')
                text += "%3B";
            else
                text += c;
        }
    }
    return text.empty() ? "-" : text;
}

std::string fieldsJson(const Message& m) {
    std::string json = "{";
    for (const MessageField& f : m.fields) {
        if (json.size() > 1)
            json += ", ";
        json += jsonString(f.name) + ": " + jsonString(f.value);
    }
    return json + "}";
}

class MessagePrinter {
public:
    MessagePrinter(const LoadedCapture& capture, Format format, OutputBuffer& out)
        : m_capture(capture), m_format(format), m_out(out) {}

    void begin() {
        if (m_format == Format::Tsv)
            m_out << "conn\tdir\tfirst_frame\tlast_frame\tfirst_time\tlast_time\tprotocol\tkind\t"
                     "truncated\tthink_time\tlast_byte_time\tlabel\tfields\n";
        else if (m_format == Format::Json)
            m_out << "[";
    }

    void connection(std::uint32_t id, const ConnectionMessages& messages) {
        const Connection& c = m_capture.connections[id];
        if (m_format == Format::Table) {
            char line[320];
            std::snprintf(line, sizeof line, "%sconnection %u: %s -> %s: %s, %zu messages\n",
                          m_connections ? "\n" : "", id,
                          formatEndpoint(c.client().address, c.client().port).c_str(),
                          formatEndpoint(c.server().address, c.server().port).c_str(),
                          messages.protocol ? protocolName(*messages.protocol) : "not recognised",
                          messages.messages.size());
            m_out << line;
        }
        ++m_connections;
        for (const Message& m : messages.messages)
            row(id, c, m);
    }

    void end() {
        if (m_format == Format::Json)
            m_out << (m_rows ? "\n]\n" : "]\n");
    }

private:
    void row(std::uint32_t id, const Connection& c, const Message& m) {
        const std::string first = formatSeconds(m.firstTime - c.firstTime);
        const std::string last = formatSeconds(m.lastTime - c.firstTime);
        if (m_format == Format::Tsv) {
            m_out << id << '\t' << (m.toServer ? '>' : '<') << '\t' << m.firstFrame << '\t'
                  << m.lastFrame << '\t' << first << '\t' << last << '\t'
                  << protocolName(m.protocol) << '\t' << kindName(m.kind) << '\t'
                  << (m.truncated ? "yes" : "no") << '\t' << optionalSeconds(m.thinkTime, "-")
                  << '\t' << optionalSeconds(m.timeToLastByte, "-") << '\t' << m.label << '\t'
                  << fieldsText(m) << '\n';
        } else if (m_format == Format::Json) {
            m_out << (m_rows ? ",\n " : "\n ") << "{\"conn\": " << id << ", \"dir\": \""
                  << (m.toServer ? '>' : '<') << "\", \"first_frame\": " << m.firstFrame
                  << ", \"last_frame\": " << m.lastFrame << ", \"first_time\": " << first
                  << ", \"last_time\": " << last
                  << ", \"protocol\": " << jsonString(protocolName(m.protocol))
                  << ", \"kind\": " << jsonString(kindName(m.kind))
                  << ", \"truncated\": " << (m.truncated ? "true" : "false")
                  << ", \"think_time\": " << optionalSeconds(m.thinkTime, "null")
                  << ", \"last_byte_time\": " << optionalSeconds(m.timeToLastByte, "null")
                  << ", \"label\": " << jsonString(m.label) << ", \"fields\": " << fieldsJson(m)
                  << "}";
        } else {
            char frames[64];
            std::snprintf(frames, sizeof frames, "[%llu-%llu]",
                          static_cast<unsigned long long>(m.firstFrame),
                          static_cast<unsigned long long>(m.lastFrame));
            char line[512];
            std::snprintf(line, sizeof line, "%-17s %12ss %s %s%s", frames, first.c_str(),
                          m.toServer ? "-->" : "<--", m.label.c_str(),
                          m.truncated ? " (truncated)" : "");
            m_out << line;
            if (m.thinkTime >= 0)
                m_out << "  think " << formatSeconds(m.thinkTime) << "s, last byte "
                      << formatSeconds(m.timeToLastByte) << 's';
            m_out << '\n';
        }
        ++m_rows;
    }

    const LoadedCapture& m_capture;
    Format m_format;
    OutputBuffer& m_out;
    std::uint64_t m_rows = 0;
    std::uint64_t m_connections = 0;
};

} // namespace

bool printMessages(const LoadedCapture& capture, std::optional<std::uint32_t> connection,
                   Format format, OutputBuffer& out, std::string& error) {
    MessagePrinter printer(capture, format, out);
    printer.begin();
    const std::uint32_t first = connection ? *connection : 0;
    const std::uint32_t last =
        connection ? *connection + 1 : static_cast<std::uint32_t>(capture.connections.size());
    for (std::uint32_t id = first; id < last; ++id) {
        const auto messages = readConnectionMessages(capture, id);
        if (!messages) {
            error = messages.error();
            return false;
        }
        printer.connection(id, messages.value());
    }
    printer.end();
    return true;
}

} // namespace tcpladder::cli
