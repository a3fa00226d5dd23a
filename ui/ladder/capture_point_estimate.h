#pragma once

#include "analysis/capture_point.h"
#include "common/time_ns.h"

#include <QString>
#include <optional>

namespace tcpladder::ui {

// A few sentences for the tooltip on the capture-point line.
QString explainCapturePoint(const CapturePointEstimate& estimate, std::optional<TimeNs> synToSynAck,
                            std::optional<TimeNs> synAckToAck);

} // namespace tcpladder::ui
