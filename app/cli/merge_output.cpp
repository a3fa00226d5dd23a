#include "merge_output.h"

#include "merge/merged_view.h"
#include "store/packet_text.h"

#include <cstdio>

namespace tcpladder::cli {
namespace {

std::string ms(TimeNs ns) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(ns) / 1e6);
    return text;
}

std::string ppm(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

struct ConnectionRow {
    std::uint32_t id;
    std::string points[2]; // the connection id at each point, or "-"
    std::string method;
    std::string client, server;
    bool both;
    std::uint64_t lost[2], onlyAtReceiver[2]; // client→server, server→client
    DelayStats delay[2];
};

ConnectionRow makeRow(const MergedCapture& merged, const MergedConnection& c) {
    const Connection& first = firstSeenConnection(merged, c);
    const Side client = first.clientSide();
    const Side server = first.serverSide();
    ConnectionRow row{c.id,
                      {c.connection[0] >= 0 ? std::to_string(c.connection[0]) : "-",
                       c.connection[1] >= 0 ? std::to_string(c.connection[1]) : "-"},
                      matchMethodName(c.method),
                      formatEndpoint(first.client().address, first.client().port),
                      formatEndpoint(first.server().address, first.server().port),
                      c.bothSides(),
                      {c.lostBetween[client], c.lostBetween[server]},
                      {c.onlyAtReceiver[client], c.onlyAtReceiver[server]},
                      {c.oneWayDelay[client], c.oneWayDelay[server]}};
    return row;
}

std::string delayText(const DelayStats& d, int which) {
    if (d.samples == 0)
        return "-";
    return ms(which == 0 ? d.min : which == 1 ? d.median : d.p99);
}

std::string delayJson(const DelayStats& d) {
    if (d.samples == 0)
        return "null";
    return "{\"samples\": " + std::to_string(d.samples) + ", \"min_ms\": " + ms(d.min) +
           ", \"median_ms\": " + ms(d.median) + ", \"p99_ms\": " + ms(d.p99) + "}";
}

std::string offsetJson(const ClockOffset& o) {
    return "{\"estimate\": " + formatSeconds(o.estimate) +
           ", \"lower_bound\": " + formatSeconds(o.lowerBound) +
           ", \"upper_bound\": " + formatSeconds(o.upperBound) +
           ", \"uncertainty\": " + formatSeconds(o.uncertainty()) +
           ", \"drift_ppm\": " + (o.driftKnown ? ppm(o.driftPpm) : "null") +
           ", \"user_given\": " + (o.userGiven ? "true" : "false") +
           ", \"samples_0_to_1\": " + std::to_string(o.samples[0]) +
           ", \"samples_1_to_0\": " + std::to_string(o.samples[1]) + "}";
}

void printTable(const MergedCapture& merged, OutputBuffer& out) {
    const ClockOffset& o = merged.offset;
    out << "point 0: " << merged.points[0]->path << "\npoint 1: " << merged.points[1]->path
        << "\nclock offset (point 1 - point 0): " << formatSeconds(o.estimate) << " s ± "
        << formatSeconds(o.uncertainty()) << " s, bound " << formatSeconds(o.lowerBound) << " to "
        << formatSeconds(o.upperBound) << " s"
        << (o.driftKnown ? ", drift " + ppm(o.driftPpm) + " ppm" : std::string())
        << (o.userGiven ? " (given)" : "") << "\n\n";
    char line[512];
    std::snprintf(line, sizeof line, "%4s %5s %5s %-11s %-4s %-42s %-42s %9s %9s %25s %25s\n", "id",
                  "at0", "at1", "match", "both", "client", "server", "lost c>s", "lost s>c",
                  "owd c>s min/med/p99 ms", "owd s>c min/med/p99 ms");
    out << line;
    for (const MergedConnection& c : merged.connections) {
        const ConnectionRow r = makeRow(merged, c);
        std::string owd[2];
        for (int d = 0; d < 2; ++d)
            owd[d] = delayText(r.delay[d], 0) + "/" + delayText(r.delay[d], 1) + "/" +
                     delayText(r.delay[d], 2);
        std::snprintf(
            line, sizeof line, "%4u %5s %5s %-11s %-4s %-42s %-42s %9s %9s %25s %25s\n", r.id,
            r.points[0].c_str(), r.points[1].c_str(), r.method.c_str(), r.both ? "yes" : "no",
            r.client.c_str(), r.server.c_str(), r.both ? std::to_string(r.lost[0]).c_str() : "-",
            r.both ? std::to_string(r.lost[1]).c_str() : "-", owd[0].c_str(), owd[1].c_str());
        out << line;
    }
}

void printTsv(const MergedCapture& merged, OutputBuffer& out) {
    const ClockOffset& o = merged.offset;
    const std::string offset = formatSeconds(o.estimate) + '\t' + formatSeconds(o.lowerBound) +
                               '\t' + formatSeconds(o.upperBound) + '\t' +
                               (o.driftKnown ? ppm(o.driftPpm) : "-");
    out << "id\tconn_0\tconn_1\tmatch\tboth\tclient\tserver\tlost_c2s\tlost_s2c\t"
           "only_rx_c2s\tonly_rx_s2c\towd_c2s_min\towd_c2s_median\towd_c2s_p99\t"
           "owd_s2c_min\towd_s2c_median\towd_s2c_p99\toffset\toffset_low\toffset_high\t"
           "drift_ppm\n";
    for (const MergedConnection& c : merged.connections) {
        const ConnectionRow r = makeRow(merged, c);
        out << r.id << '\t' << r.points[0] << '\t' << r.points[1] << '\t' << r.method << '\t'
            << (r.both ? "yes" : "no") << '\t' << r.client << '\t' << r.server << '\t' << r.lost[0]
            << '\t' << r.lost[1] << '\t' << r.onlyAtReceiver[0] << '\t' << r.onlyAtReceiver[1];
        for (const DelayStats& d : r.delay)
            for (int which = 0; which < 3; ++which)
                out << '\t' << delayText(d, which);
        out << '\t' << offset << '\n';
    }
}

void printJson(const MergedCapture& merged, OutputBuffer& out) {
    out << "{\"points\": [" << jsonString(merged.points[0]->path) << ", "
        << jsonString(merged.points[1]->path) << "],\n \"offset\": " << offsetJson(merged.offset)
        << ",\n \"notes\": [";
    for (std::size_t i = 0; i < merged.notes.size(); ++i)
        out << (i ? ", " : "") << jsonString(merged.notes[i]);
    out << "],\n \"connections\": [";
    for (const MergedConnection& c : merged.connections) {
        const ConnectionRow r = makeRow(merged, c);
        out << (c.id ? ",\n " : "\n ") << "{\"id\": " << r.id
            << ", \"conn_0\": " << (c.connection[0] >= 0 ? r.points[0] : "null")
            << ", \"conn_1\": " << (c.connection[1] >= 0 ? r.points[1] : "null")
            << ", \"match\": " << jsonString(r.method)
            << ", \"both\": " << (r.both ? "true" : "false")
            << ", \"client\": " << jsonString(r.client) << ", \"server\": " << jsonString(r.server)
            << ", \"client_point\": "
            << (c.clientPoint >= 0 ? std::to_string(c.clientPoint) : "null")
            << ", \"lost_c2s\": " << r.lost[0] << ", \"lost_s2c\": " << r.lost[1]
            << ", \"only_rx_c2s\": " << r.onlyAtReceiver[0]
            << ", \"only_rx_s2c\": " << r.onlyAtReceiver[1]
            << ", \"owd_c2s\": " << delayJson(r.delay[0])
            << ", \"owd_s2c\": " << delayJson(r.delay[1]) << "}";
    }
    out << (merged.connections.empty() ? "]}\n" : "\n]}\n");
}

struct PacketRow {
    std::string frames[2];
    std::string times[2];
    bool toServer;
    std::string flags;
    std::uint32_t seq, ack, length;
    std::string fate;
    std::string delay; // ms, or "-"
    std::string analysis;
    bool disagrees;
};

PacketRow makePacketRow(const MergedCapture& merged, const MergedConnection& c,
                        const MergedPacket& p) {
    PacketRow row;
    const int anyPoint = p.seenAt(0) ? 0 : 1;
    const PacketRecord& record = recordAt(merged, c, p, anyPoint);
    for (int point = 0; point < 2; ++point) {
        row.frames[point] =
            p.seenAt(point) ? std::to_string(recordAt(merged, c, p, point).frame()) : "-";
        row.times[point] = p.seenAt(point) ? merged.points[0]->epochText(p.time[point]) : "-";
    }
    row.toServer = p.sender == firstSeenConnection(merged, c).clientSide();
    row.flags = flagLetters(record.flags());
    row.seq = mergedRelativeSeq(merged, c, p);
    row.ack = mergedRelativeAck(merged, c, p);
    row.length = record.payloadLength();
    row.fate = packetFateName(p.fate);
    const auto delay = oneWayDelay(merged, c, p);
    row.delay = delay ? ms(*delay) : "-";
    row.analysis = analysisWords(receiverSideAnalysis(merged, c, p));
    row.disagrees = p.oneSidedDisagrees;
    return row;
}

} // namespace

void printMergedConnections(const MergedCapture& merged, Format format, OutputBuffer& out) {
    if (format == Format::Tsv)
        printTsv(merged, out);
    else if (format == Format::Json)
        printJson(merged, out);
    else
        printTable(merged, out);
}

void printMergedPackets(const MergedCapture& merged, std::optional<std::uint32_t> connection,
                        Format format, OutputBuffer& out) {
    if (format == Format::Json)
        out << "[";
    else
        out << "conn\tdir\tframe_0\tframe_1\ttime_0\ttime_1\tflags\tseq\tack\tlen\tfate\t"
               "owd_ms\trx_analysis\tdisagrees\n";
    bool firstRow = true;
    for (const MergedConnection& c : merged.connections) {
        if (connection && c.id != *connection)
            continue;
        for (const MergedPacket& p : c.packets) {
            const PacketRow r = makePacketRow(merged, c, p);
            if (format == Format::Json) {
                out << (firstRow ? "\n " : ",\n ") << "{\"conn\": " << c.id << ", \"dir\": \""
                    << (r.toServer ? '>' : '<')
                    << "\", \"frame_0\": " << (p.seenAt(0) ? r.frames[0] : "null")
                    << ", \"frame_1\": " << (p.seenAt(1) ? r.frames[1] : "null")
                    << ", \"time_0\": " << (p.seenAt(0) ? r.times[0] : "null")
                    << ", \"time_1\": " << (p.seenAt(1) ? r.times[1] : "null")
                    << ", \"flags\": " << jsonString(r.flags) << ", \"seq\": " << r.seq
                    << ", \"ack\": " << r.ack << ", \"len\": " << r.length
                    << ", \"fate\": " << jsonString(r.fate)
                    << ", \"owd_ms\": " << (r.delay == "-" ? "null" : r.delay)
                    << ", \"rx_analysis\": " << jsonString(r.analysis)
                    << ", \"disagrees\": " << (r.disagrees ? "true" : "false") << "}";
            } else {
                out << c.id << '\t' << (r.toServer ? '>' : '<') << '\t' << r.frames[0] << '\t'
                    << r.frames[1] << '\t' << r.times[0] << '\t' << r.times[1] << '\t' << r.flags
                    << '\t' << r.seq << '\t' << r.ack << '\t' << r.length << '\t' << r.fate << '\t'
                    << r.delay << '\t' << r.analysis << '\t' << (r.disagrees ? "yes" : "no")
                    << '\n';
            }
            firstRow = false;
        }
    }
    if (format == Format::Json)
        out << (firstRow ? "]\n" : "\n]\n");
}

} // namespace tcpladder::cli
