#include "merge/copy_identity.h"

#include "load/packet_details.h"

#include <algorithm>

namespace tcpladder {
namespace {

enum class Key : std::uint8_t { Both, TsValueOnly, IpIdOnly };

// -1 marks a key that cannot tell this copy apart from others.
std::int64_t keyOf(const CopyIdentity& identity, Key key) {
    const bool hasId = identity.ipId >= 0;
    const bool hasTs = identity.tsValue >= 0;
    switch (key) {
    case Key::Both:
        if (!hasId && !hasTs)
            return -1;
        return (std::int64_t{identity.ipId + 1} << 33) | (identity.tsValue + 1);
    case Key::TsValueOnly:
        return hasTs ? identity.tsValue : -1;
    case Key::IpIdOnly:
        return hasId ? identity.ipId : -1;
    }
    return -1;
}

bool distinct(const std::vector<CopyIdentity>& copies, Key key, std::vector<std::int64_t>& keys) {
    keys.clear();
    for (const CopyIdentity& copy : copies) {
        const std::int64_t k = keyOf(copy, key);
        if (k < 0)
            return false;
        keys.push_back(k);
    }
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) == keys.end();
}

} // namespace

std::optional<CopyIdentity> readCopyIdentity(const LoadedCapture& capture, std::uint32_t connection,
                                             std::uint32_t index) {
    auto details = readPacketDetails(capture, connection, index);
    if (!details)
        return std::nullopt;
    CopyIdentity identity;
    identity.ipId = details->tcp.ipId;
    const TcpOptions& options = details->tcp.segment.options;
    if (options.hasTimestamps)
        identity.tsValue = options.tsValue;
    return identity;
}

bool pairByIdentity(const std::vector<CopyIdentity>& sent, const std::vector<TimeNs>& sentTimes,
                    const std::vector<CopyIdentity>& received,
                    const std::vector<TimeNs>& receivedTimes, TimeNs slack,
                    std::vector<std::int64_t>& into) {
    std::vector<std::int64_t> keys;
    std::vector<std::pair<std::int64_t, std::size_t>> sentByKey;
    std::vector<std::int64_t> partners(received.size(), -1);
    for (const Key key : {Key::Both, Key::TsValueOnly, Key::IpIdOnly}) {
        if (!distinct(sent, key, keys) || !distinct(received, key, keys))
            continue;
        sentByKey.clear();
        for (std::size_t s = 0; s < sent.size(); ++s)
            sentByKey.emplace_back(keyOf(sent[s], key), s);
        std::sort(sentByKey.begin(), sentByKey.end());
        std::size_t paired = 0;
        bool possible = true;
        for (std::size_t r = 0; r < received.size() && possible; ++r) {
            const std::int64_t wanted = keyOf(received[r], key);
            const auto found = std::lower_bound(sentByKey.begin(), sentByKey.end(),
                                                std::pair<std::int64_t, std::size_t>{wanted, 0});
            partners[r] = -1;
            if (found == sentByKey.end() || found->first != wanted)
                continue;
            possible = receivedTimes[r] - sentTimes[found->second] >= -slack;
            partners[r] = static_cast<std::int64_t>(found->second);
            ++paired;
        }
        if (possible && paired == std::min(sent.size(), received.size())) {
            into = std::move(partners);
            return true;
        }
    }
    return false;
}

} // namespace tcpladder
