// libFuzzer entry: stream reassembly and the application-message parsers
// without a capture around them. The input is a list of segments, each
//   1 byte   bit 0: sent by the server; bit 1 SYN, bit 2 FIN, bit 3 RST
//   4 bytes  sequence number, big-endian
//   2 bytes  payload length on the wire, big-endian
//   2 bytes  captured length, big-endian (at most the input left)
//   the captured bytes
// given to the two directions' assemblers in order, then detected and parsed,
// and to the bounded summary read while loading, segment by segment, whose
// compact byte form must give it back unchanged; the input itself must decode
// as a summary or be refused, never read out of bounds.
// The input's own sequence numbers and lengths make retransmissions, overlaps,
// reordering, holes and snapshot-length cuts.
#include "decode/tcp_segment.h"
#include "messages/application_summarizer.h"
#include "messages/connection_messages.h"
#include "messages/stream_assembler.h"
#include "messages/summary_codec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

volatile std::uint64_t sink = 0;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tcpladder;
    // A small data limit, so that the limit's path is reached too.
    StreamAssembler directions[2] = {StreamAssembler(1 << 16), StreamAssembler(1 << 16)};
    ApplicationSummarizer summarizer;
    std::size_t at = 0;
    std::uint64_t frame = 1;
    while (at + 9 <= size) {
        const std::uint8_t head = data[at];
        const std::uint32_t seq = std::uint32_t{data[at + 1]} << 24 |
                                  std::uint32_t{data[at + 2]} << 16 |
                                  std::uint32_t{data[at + 3]} << 8 | data[at + 4];
        const std::uint32_t wire = std::uint32_t{data[at + 5]} << 8 | data[at + 6];
        std::size_t captured = std::size_t{data[at + 7]} << 8 | data[at + 8];
        at += 9;
        captured = std::min({captured, size - at, std::size_t{wire}});
        // A copy of exactly the captured bytes, so that ASan sees any read past them.
        const std::vector<std::uint8_t> payload(data + at, data + at + captured);
        at += captured;
        std::uint8_t flags = kAck;
        if (head & 2)
            flags |= kSyn;
        if (head & 4)
            flags |= kFin;
        if (head & 8)
            flags |= kRst;
        directions[head & 1].add(frame, static_cast<TimeNs>(frame) * 1000, seq, flags, wire,
                                 payload);
        TcpSegment segment;
        segment.seq = seq;
        segment.flags = flags;
        segment.payloadLength = wire;
        summarizer.add(head & 1, segment, payload,
                       SummaryPacket::at(frame, static_cast<TimeNs>(frame) * 1000));
        ++frame;
    }
    const AssembledStream client = directions[0].finish();
    const AssembledStream server = directions[1].finish();
    const ConnectionMessages messages = readMessages(client, server);
    std::uint64_t sum = 0;
    for (const Message& m : messages.messages)
        sum += m.label.size() + m.fields.size() + m.lastFrame + (m.truncated ? 1 : 0);
    const ApplicationSummary summary = summarizer.finish();
    sum += summary.requests + summary.waits.size() + summary.sni.size() + summary.alpn.size() +
           summary.clientText.size() + summary.risingWaits.size();
    std::vector<std::uint8_t> encoded;
    encodeSummary(summary, encoded);
    if (decodeSummary(encoded) != summary)
        std::abort();
    if (const auto decoded = decodeSummary({data, size}))
        sum += decoded->waits.size();
    sink = sum;
    return 0;
}
