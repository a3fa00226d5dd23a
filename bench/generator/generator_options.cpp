#include "generator_options.h"

#include <charconv>
#include <cstdlib>
#include <string>
#include <string_view>

namespace tcpladder::bench {

namespace {

template <typename T> bool parseNumber(std::string_view text, T& value) {
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

bool parseFraction(std::string_view text, double& value) {
    // std::from_chars for double needs libstdc++ 11; strtod is everywhere.
    const std::string copy(text);
    char* end = nullptr;
    value = std::strtod(copy.c_str(), &end);
    return end && *end == '\0' && !copy.empty() && value >= 0.0 && value <= 1.0;
}

} // namespace

const char* generatorUsage() {
    return "usage: tcpladder-bench-generate -o FILE [options]\n"
           "Writes a deterministic classic pcap of HTTP downloads over TCP, seen from a tap\n"
           "next to the clients.\n"
           "  --connections N   connections in the capture (default 1000)\n"
           "  --packets N       packets to aim for; each connection's size follows (100000)\n"
           "  --concurrency N   connections open at once (256)\n"
           "  --loss F          chance that a server data segment is dropped (0.002)\n"
           "  --reorder F       chance that a server data segment arrives late (0.001)\n"
           "  --zero-window F   share of connections whose client stops reading (0.01)\n"
           "  --rst F           share of connections the client aborts with RST (0.05)\n"
           "  --snaplen N       bytes kept of each frame, original length kept (262144)\n"
           "  --payload N       TCP payload of a full segment, 1448 = 1514-byte frames\n"
           "  --seed S          random seed (1)\n"
           "  --nanoseconds     nanosecond timestamps (default microseconds)\n"
           "  --quiet           no summary on stderr\n";
}

ParseOutcome parseGeneratorOptions(int argc, char** argv, GeneratorOptions& options,
                                   std::string& error) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view name = argv[i];
        if (name == "-h" || name == "--help") {
            return ParseOutcome::Help;
        }
        if (name == "--nanoseconds") {
            options.nanoseconds = true;
            continue;
        }
        if (name == "--quiet") {
            options.quiet = true;
            continue;
        }
        if (i + 1 >= argc) {
            error = "missing value for " + std::string(name);
            return ParseOutcome::Error;
        }
        const std::string_view value = argv[++i];
        bool ok = true;
        if (name == "-o" || name == "--output") {
            options.output = value;
        } else if (name == "--connections") {
            ok = parseNumber(value, options.connections) && options.connections > 0;
        } else if (name == "--packets") {
            ok = parseNumber(value, options.packets);
        } else if (name == "--concurrency") {
            ok = parseNumber(value, options.concurrency) && options.concurrency > 0;
        } else if (name == "--loss") {
            ok = parseFraction(value, options.loss);
        } else if (name == "--reorder") {
            ok = parseFraction(value, options.reorder);
        } else if (name == "--zero-window") {
            ok = parseFraction(value, options.zeroWindow);
        } else if (name == "--rst") {
            ok = parseFraction(value, options.reset);
        } else if (name == "--snaplen") {
            ok = parseNumber(value, options.snaplen) && options.snaplen >= 1;
        } else if (name == "--payload") {
            // Up to a 9000-byte jumbo frame.
            ok = parseNumber(value, options.payload) && options.payload >= 64 &&
                 options.payload <= 8948;
        } else if (name == "--seed") {
            ok = parseNumber(value, options.seed);
        } else {
            error = "unknown option " + std::string(name);
            return ParseOutcome::Error;
        }
        if (!ok) {
            error = "bad value for " + std::string(name) + ": " + std::string(value);
            return ParseOutcome::Error;
        }
    }
    if (options.output.empty()) {
        error = "no output file (-o FILE)";
        return ParseOutcome::Error;
    }
    return ParseOutcome::Run;
}

} // namespace tcpladder::bench
