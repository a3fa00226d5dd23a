#pragma once

#include "common/result.h"
#include "load/capture_loader.h"
#include "merge/merged_capture.h"

#include <string>

namespace tcpladder {

// Loads the captures of two points and merges them. Fails with the loader's
// message, which names the file, when either cannot be read.
Result<MergedCapture> loadAndMergeCaptures(const std::string& first, const std::string& second,
                                           const LoadOptions& loadOptions = {},
                                           const MergeOptions& mergeOptions = {});

} // namespace tcpladder
