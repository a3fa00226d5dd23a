#pragma once

#include "common/time_ns.h"
#include "decode/ip_address.h"
#include "decode/tcp_segment.h"
#include "tcp/analysis_flags.h"
#include "tcp/connection.h"

#include <cstdint>
#include <vector>

namespace tcpladder {

// What the tracker concludes about one TCP segment, as Wireshark would.
struct TrackedSegment {
    std::uint32_t connection = 0; // index into ConnectionTracker::connections()
    Side side = kSideA;           // sender
    std::uint32_t relativeSeq = 0;
    std::uint32_t relativeAck = 0; // 0 when ACK is clear
    std::uint32_t window = 0;      // scaled when the scale is known, else raw
    std::int8_t windowShift = -1;  // the shift applied to `window`; -1 when raw
    std::uint16_t analysis = 0;    // AnalysisFlag bits
};

// Assigns segments to connections (Wireshark's tcp.stream, including a new
// connection on a SYN with a new ISN) and runs the per-connection sequence
// analysis. Fed in file order; keeps only constant state per connection.
class ConnectionTracker {
public:
    ConnectionTracker();
    ~ConnectionTracker();
    ConnectionTracker(const ConnectionTracker&) = delete;
    ConnectionTracker& operator=(const ConnectionTracker&) = delete;

    TrackedSegment add(const IpAddress& src, const IpAddress& dst, const TcpSegment& segment,
                       TimeNs time, std::uint64_t frame);

    const std::vector<Connection>& connections() const { return m_connections; }
    std::vector<Connection> takeConnections();
    // What the connections and their analysis state hold, in O(1).
    std::size_t memoryBytes() const;

private:
    struct State;
    State* m_state;
    std::vector<Connection> m_connections;
};

} // namespace tcpladder
