#pragma once

#include "common/result.h"
#include "load/loaded_capture.h"
#include "load/packet_details.h"

#include <QString>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace tcpladder::ui {

struct DetailsSection {
    QString title;
    std::vector<std::pair<QString, QString>> fields;
};

// One packet's fields for the details pane: what the index holds, then the
// re-read header (options, SACK blocks, timestamps) or why it could not be read.
std::vector<DetailsSection> describePacket(const LoadedCapture& capture, std::uint32_t connection,
                                           std::size_t index, const Result<PacketDetails>& details);

} // namespace tcpladder::ui
