#pragma once

#include <cstdint>
#include <string>

namespace tcpladder::bench {

struct GeneratorOptions {
    std::uint64_t connections = 1000;
    std::uint64_t packets = 100000;
    std::uint32_t concurrency = 256;
    double loss = 0.002;
    double reorder = 0.001;
    double zeroWindow = 0.01;
    double reset = 0.05;
    std::uint32_t snaplen = 262144;
    std::uint64_t seed = 1;
    std::uint32_t payload = 1448;
    bool nanoseconds = false;
    bool quiet = false;
    std::string output;
};

enum class ParseOutcome { Run, Help, Error };

ParseOutcome parseGeneratorOptions(int argc, char** argv, GeneratorOptions& options,
                                   std::string& error);
const char* generatorUsage();

} // namespace tcpladder::bench
