#pragma once

#include "analysis/rtt_samples.h"
#include "chart/chart_content.h"
#include "chart/chart_request.h"

namespace tcpladder::ui {

// The samples of the request's range as marks, one per occupied cell.
ChartContent buildRttChart(const ChartRequest& request);

} // namespace tcpladder::ui
