#include "merge/two_point_loader.h"

#include <optional>
#include <thread>

namespace tcpladder {

Result<MergedCapture> loadAndMergeCaptures(const std::string& first, const std::string& second,
                                           const LoadOptions& loadOptions,
                                           const MergeOptions& mergeOptions) {
    std::optional<Result<std::shared_ptr<LoadedCapture>>> secondLoad;
    std::thread secondThread([&] { secondLoad.emplace(loadCapture(second, loadOptions)); });
    const auto firstLoad = loadCapture(first, loadOptions);
    secondThread.join();
    if (!firstLoad)
        return Error{firstLoad.error()};
    if (!*secondLoad)
        return Error{secondLoad->error()};
    return mergeCaptures(firstLoad.value(), secondLoad->value(), mergeOptions);
}

} // namespace tcpladder
