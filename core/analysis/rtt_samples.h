#pragma once

#include "load/loaded_capture.h"

#include <cstdint>
#include <vector>

namespace tcpladder {

// One round trip as seen at the capture point: a data segment and the first
// ACK that covers it.
struct RttSample {
    TimeNs time = 0; // of the ACK, since the connection's first packet
    TimeNs rtt = 0;
    std::uint32_t ackIndex = 0;     // packet index of the ACK
    std::uint32_t segmentIndex = 0; // packet index of the segment
};

// For every ACK of the receiver that advances, the RTT of the newest segment
// it fully acknowledges (as Wireshark's ack_rtt). Karn's rule: a segment whose
// bytes were sent more than once gives no sample, nor does a retransmission.
// One pass over the whole connection; the result is in time order.
std::vector<RttSample> computeRttSamples(const LoadedCapture& capture, std::uint32_t connection,
                                         Side sender);

} // namespace tcpladder
