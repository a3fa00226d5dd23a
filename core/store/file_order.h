#pragma once

#include "load/loaded_capture.h"

#include <cstdint>
#include <functional>

namespace tcpladder {

// Visits every TCP packet in file order (by frame), merging the
// per-connection lists; memory stays proportional to the connections.
void forEachInFileOrder(
    const LoadedCapture& capture,
    const std::function<void(std::uint32_t connection, const PacketRecord&)>& visit);

} // namespace tcpladder
