#pragma once

#include "support/capture_writer.h"

#include <string>
#include <vector>

// A rotation set as `tcpdump -G` leaves it, in a directory, written from
// connections with known endings:
//   0  10.0.0.1:40000 -> 10.0.0.9:443, split between the files: handshake,
//      a request, two answer segments in the first file; 300 ms later a
//      third answer segment, then the client resets (second file)
//   1  10.0.0.2:40001 -> 10.0.0.8:80, handshake RTT 401 ms, closed normally
//   2  10.0.0.3:40002 -> 10.0.0.8:80, one answer segment resent after 50 ms
// The earlier file is named so that it sorts last by name.
namespace tcpladder::test {

struct RotationScenario {
    std::string directory;
    std::string earlyFile; // "z-early.pcap": packets 1-6
    std::string lateFile;  // "a-late.pcap": the rest
    std::vector<Frame> connection0;
};

// Writes both files into `directory` (which must exist).
RotationScenario writeRotationScenario(const std::string& directory);

} // namespace tcpladder::test
