#pragma once

#include "store/packet_store.h"

#include <cstdint>
#include <functional>

namespace tcpladder {

// Visits every TCP packet in file order (by frame), merging the
// per-connection lists; memory stays proportional to the connections.
void forEachInFileOrder(
    const PacketStore& store,
    const std::function<void(std::uint32_t connection, const PacketRecord&)>& visit);

} // namespace tcpladder
