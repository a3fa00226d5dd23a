#pragma once

#include "analysis/connection_timeline.h"

namespace tcpladder::ui {

// The ladder draws the core's timeline of the connection as it is.
using LadderTimeline = ConnectionTimeline;

} // namespace tcpladder::ui
