// tcpladder-bench-second-point — the capture a second point on the path would have taken of
// the traffic in a generated capture, for timing the merge of two capture points.
//
// Usage: tcpladder-bench-second-point IN.pcap OUT.pcap
//
// IN is taken as the client-side point (a classic little-endian pcap as tcpladder-bench-generate
// writes it; clients use ports from 32768 up). OUT is the server side: packets from a client
// pass it 3 ms later, packets to a client 5 ms earlier, its clock runs 1.5 s ahead, and every
// 1,000th packet is lost between the points. Streams in constant memory.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <queue>
#include <vector>

namespace {

constexpr std::int64_t kToServerNs = 3'000'000;
constexpr std::int64_t kToClientNs = 5'000'000;
constexpr std::int64_t kClockAheadNs = 1'500'000'000;
constexpr std::uint64_t kLoseEvery = 1000;
constexpr std::uint16_t kFirstClientPort = 32768;

struct Packet {
    std::int64_t timeNs;
    std::uint64_t order; // ties keep file order
    std::vector<unsigned char> bytes;
    std::uint32_t originalLength;

    bool operator>(const Packet& other) const {
        return timeNs != other.timeNs ? timeNs > other.timeNs : order > other.order;
    }
};

std::uint32_t get32(const unsigned char* p) {
    return p[0] | p[1] << 8 | p[2] << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

void put32(unsigned char* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

// Source port of an Ethernet + IPv4 + TCP frame, or 0.
std::uint16_t sourcePort(const std::vector<unsigned char>& frame) {
    if (frame.size() < 14 + 20 + 4 || frame[12] != 0x08 || frame[13] != 0x00)
        return 0;
    const std::size_t tcp = 14 + static_cast<std::size_t>(frame[14] & 0x0F) * 4;
    if (frame.size() < tcp + 2)
        return 0;
    return static_cast<std::uint16_t>(frame[tcp] << 8 | frame[tcp + 1]);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: tcpladder-bench-second-point IN.pcap OUT.pcap\n");
        return 2;
    }
    std::FILE* in = std::fopen(argv[1], "rb");
    std::FILE* out = std::fopen(argv[2], "wb");
    if (!in || !out) {
        std::fprintf(stderr, "tcpladder-bench-second-point: cannot open %s\n",
                     in ? argv[2] : argv[1]);
        return 1;
    }
    unsigned char header[24];
    if (std::fread(header, 1, 24, in) != 24 ||
        (get32(header) != 0xa1b2c3d4U && get32(header) != 0xa1b23c4dU)) {
        std::fprintf(stderr, "tcpladder-bench-second-point: %s: not a little-endian pcap\n",
                     argv[1]);
        return 1;
    }
    const std::int64_t unitNs = get32(header) == 0xa1b23c4dU ? 1 : 1000;
    std::fwrite(header, 1, 24, out);
    std::priority_queue<Packet, std::vector<Packet>, std::greater<>> pending;
    const auto write = [&](const Packet& p) {
        unsigned char record[16];
        put32(record, static_cast<std::uint32_t>(p.timeNs / 1'000'000'000));
        put32(record + 4, static_cast<std::uint32_t>(p.timeNs % 1'000'000'000 / unitNs));
        put32(record + 8, static_cast<std::uint32_t>(p.bytes.size()));
        put32(record + 12, p.originalLength);
        std::fwrite(record, 1, 16, out);
        std::fwrite(p.bytes.data(), 1, p.bytes.size(), out);
    };
    unsigned char record[16];
    std::uint64_t order = 0;
    while (std::fread(record, 1, 16, in) == 16) {
        Packet p;
        p.order = order++;
        p.bytes.resize(get32(record + 8));
        p.originalLength = get32(record + 12);
        if (std::fread(p.bytes.data(), 1, p.bytes.size(), in) != p.bytes.size())
            break;
        const std::int64_t time =
            std::int64_t{get32(record)} * 1'000'000'000 + std::int64_t{get32(record + 4)} * unitNs;
        // Every packet is moved later by kToClientNs so that the shifts are never negative:
        // nothing later in the file can then pass this point before `time + kClockAheadNs`.
        const bool toServer = sourcePort(p.bytes) >= kFirstClientPort;
        p.timeNs = time + kClockAheadNs + (toServer ? kToServerNs + kToClientNs : 0);
        while (!pending.empty() && pending.top().timeNs <= time + kClockAheadNs) {
            write(pending.top());
            pending.pop();
        }
        if (p.order % kLoseEvery != kLoseEvery - 1)
            pending.push(std::move(p));
    }
    while (!pending.empty()) {
        write(pending.top());
        pending.pop();
    }
    return std::fclose(out) == 0 && std::fclose(in) == 0 ? 0 : 1;
}
