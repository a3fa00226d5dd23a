#include "loading/merge_engine.h"

namespace tcpladder::ui {

// The merge engine (core/merge, branch merge-core) is not on this branch yet:
// until it is merged, the call answers with a clear reason instead of a
// link error. Merging merge-core replaces this body with mergeCaptures.
Result<MergedCapture> runMergeEngine(std::shared_ptr<const LoadedCapture> first,
                                     std::shared_ptr<const LoadedCapture> second,
                                     const MergeOptions& options) {
    (void)first;
    (void)second;
    (void)options;
    return Error{"this build has no merge engine yet (core/merge)"};
}

} // namespace tcpladder::ui
