#pragma once

#include "common/result.h"
#include "load/capture_loader.h"
#include "merge/merged_capture.h"

#include <string>

namespace tcpladder {

// How to load one capture point of a merge: `options` without the
// application summaries. No merged output reads them (the merged table and
// ladder, the one-way delay chart, `connections A B` and `packets A B` show
// headers, pairings and fates), and reading them costs a sixth to a quarter
// of a load's CPU, more than the merge step itself. A point's LoadedCapture
// then answers application() with nothing.
LoadOptions pointLoadOptions(LoadOptions options);

// Loads the captures of two points (with pointLoadOptions(loadOptions)) and
// merges them. Fails with the loader's message, which names the file, when
// either cannot be read.
Result<MergedCapture> loadAndMergeCaptures(const std::string& first, const std::string& second,
                                           const LoadOptions& loadOptions = {},
                                           const MergeOptions& mergeOptions = {});

} // namespace tcpladder
