#pragma once

#include "merge/merged_capture.h"

namespace tcpladder::ui {

// The GUI's one call into the core's merge of two capture points
// (mergeCaptures), kept here so that the load job and its tests can put a
// stand-in in its place.
Result<MergedCapture> runMergeEngine(std::shared_ptr<const LoadedCapture> first,
                                     std::shared_ptr<const LoadedCapture> second,
                                     const MergeOptions& options);

} // namespace tcpladder::ui
