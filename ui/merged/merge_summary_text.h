#pragma once

#include "merge/merged_capture.h"

#include <QString>

namespace tcpladder::ui {

// The merge in one line for the header above the merged table: the offset
// used with its bound and drift, and how many connections matched.
// "Offset +12.3 ms ± 0.40 ms (estimated from 812 packets), drift 3.1 ppm ·
// 4 connections at both points (3 by addresses and ISNs, 1 by ISNs only),
// 1 at point 1 only, 0 at point 2 only"
QString mergeSummaryText(const MergedCapture& merged);
// The point-0 and point-1 file names, "client.pcap + server.pcapng".
QString mergeTitleText(const MergedCapture& merged);

} // namespace tcpladder::ui
