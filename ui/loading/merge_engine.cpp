#include "loading/merge_engine.h"

namespace tcpladder::ui {

Result<MergedCapture> runMergeEngine(std::shared_ptr<const LoadedCapture> first,
                                     std::shared_ptr<const LoadedCapture> second,
                                     const MergeOptions& options) {
    return mergeCaptures(std::move(first), std::move(second), options);
}

} // namespace tcpladder::ui
