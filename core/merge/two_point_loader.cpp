#include "merge/two_point_loader.h"

namespace tcpladder {

LoadOptions pointLoadOptions(LoadOptions options) {
    options.applicationSummaries = false;
    return options;
}

Result<MergedCapture> loadAndMergeCaptures(const std::string& first, const std::string& second,
                                           const LoadOptions& loadOptions,
                                           const MergeOptions& mergeOptions) {
    const LoadOptions options = pointLoadOptions(loadOptions);
    // One after the other: each load already keeps two cores busy (reading
    // and decoding beside tracking), and two side by side on two cores only
    // wait for each other (measured: 3× slower on a busy machine).
    const auto firstLoad = loadCapture(first, options);
    if (!firstLoad)
        return Error{firstLoad.error()};
    const auto secondLoad = loadCapture(second, options);
    if (!secondLoad)
        return Error{secondLoad.error()};
    return mergeCaptures(firstLoad.value(), secondLoad.value(), mergeOptions);
}

} // namespace tcpladder
