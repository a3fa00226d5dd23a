#pragma once

#include "analysis/capture_report.h"
#include "load/loaded_capture.h"
#include "output_buffer.h"
#include "report_options.h"

namespace tcpladder::cli {

void printReport(const LoadedCapture& capture, const CaptureReport& report,
                 const ReportArguments& arguments, OutputBuffer& out);

} // namespace tcpladder::cli
