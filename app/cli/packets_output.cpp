#include "packets_output.h"

#include "store/file_order.h"
#include "store/packet_text.h"

#include <cstdio>

namespace tcpladder::cli {
namespace {

// The fields every format shares, already in text form.
struct PacketRow {
    std::uint64_t frame;
    std::uint32_t connection;
    bool toServer;
    std::string time;
    std::string flags;
    std::uint32_t seq, ack, length, window;
    std::string analysis;
    std::string ladder; // the whole line of the text ladder
};

PacketRow makeRow(const LoadedCapture& capture, std::uint32_t connection, const PacketRecord& p,
                  Format format) {
    const Connection& c = capture.connections[connection];
    const bool toServer = p.side() == c.clientSide();
    return {p.frame(),
            connection,
            toServer,
            formatSeconds(p.time() - c.firstTime),
            flagLetters(p.flags()),
            p.relativeSeq(),
            p.relativeAck(),
            p.payloadLength(),
            p.window(),
            analysisWords(p.analysis()),
            format == Format::Ladder ? ladderLine(p, toServer, p.time() - c.firstTime) : ""};
}

class RowPrinter {
public:
    RowPrinter(Format format, OutputBuffer& out) : m_format(format), m_out(out) {}

    void begin() {
        if (m_format == Format::Tsv)
            m_out << "frame\tconn\tdir\ttime\tflags\tseq\tack\tlen\twin\tanalysis\n";
        else if (m_format == Format::Json)
            m_out << "[";
    }

    void row(const PacketRow& r) {
        if (m_format == Format::Tsv) {
            m_out << r.frame << '\t' << r.connection << '\t' << (r.toServer ? '>' : '<') << '\t'
                  << r.time << '\t' << r.flags << '\t' << r.seq << '\t' << r.ack << '\t' << r.length
                  << '\t' << r.window << '\t' << r.analysis << '\n';
        } else if (m_format == Format::Json) {
            m_out << (m_rows ? ",\n " : "\n ") << "{\"frame\": " << r.frame
                  << ", \"conn\": " << r.connection << ", \"dir\": \"" << (r.toServer ? '>' : '<')
                  << "\", \"time\": " << r.time << ", \"flags\": " << jsonString(r.flags)
                  << ", \"seq\": " << r.seq << ", \"ack\": " << r.ack << ", \"len\": " << r.length
                  << ", \"win\": " << r.window << ", \"analysis\": " << jsonString(r.analysis)
                  << "}";
        } else {
            m_out << r.ladder << '\n';
        }
        ++m_rows;
    }

    void end() {
        if (m_format == Format::Json)
            m_out << (m_rows ? "\n]\n" : "]\n");
    }

    // The ladder heads each connection with its two lanes.
    void connectionHeader(const LoadedCapture& capture, std::uint32_t connection) {
        if (m_format != Format::Ladder)
            return;
        const Connection& c = capture.connections[connection];
        char line[256];
        std::snprintf(line, sizeof line, "%sconnection %u: client %s, server %s\n",
                      m_rows ? "\n" : "", connection,
                      formatEndpoint(c.client().address, c.client().port).c_str(),
                      formatEndpoint(c.server().address, c.server().port).c_str());
        m_out << line;
    }

private:
    Format m_format;
    OutputBuffer& m_out;
    std::uint64_t m_rows = 0;
};

} // namespace

void printPackets(const LoadedCapture& capture, std::optional<std::uint32_t> connection,
                  Format format, OutputBuffer& out) {
    RowPrinter printer(format, out);
    printer.begin();
    if (connection) {
        printer.connectionHeader(capture, *connection);
        for (std::size_t i = 0; i < capture.packets.packetCount(*connection); ++i)
            printer.row(makeRow(capture, *connection, capture.packets.at(*connection, i), format));
    } else if (format == Format::Ladder) {
        // A ladder reads one connection at a time.
        for (std::uint32_t c = 0; c < capture.connections.size(); ++c) {
            printer.connectionHeader(capture, c);
            for (std::size_t i = 0; i < capture.packets.packetCount(c); ++i)
                printer.row(makeRow(capture, c, capture.packets.at(c, i), format));
        }
    } else {
        forEachInFileOrder(capture.packets, [&](std::uint32_t c, const PacketRecord& p) {
            printer.row(makeRow(capture, c, p, format));
        });
    }
    printer.end();
}

} // namespace tcpladder::cli
