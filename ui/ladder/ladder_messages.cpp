#include "ladder/ladder_messages.h"

#include <algorithm>
#include <ranges>

namespace tcpladder::ui {

std::pair<std::size_t, std::size_t> LadderMessages::startingAt(std::size_t index) const {
    const auto [begin, end] = std::ranges::equal_range(firstPacket, index);
    return {static_cast<std::size_t>(begin - firstPacket.begin()),
            static_cast<std::size_t>(end - firstPacket.begin())};
}

std::vector<std::size_t> LadderMessages::overlapping(std::size_t first, std::size_t last) const {
    std::vector<std::size_t> found;
    // No message reaching into the range starts more than longestSpan before it.
    const std::size_t from = first > longestSpan ? first - longestSpan : 0;
    const auto begin = std::ranges::lower_bound(firstPacket, from);
    const auto end = std::ranges::lower_bound(firstPacket, last);
    for (auto it = begin; it != end; ++it) {
        const auto m = static_cast<std::size_t>(it - firstPacket.begin());
        if (lastPacket[m] >= first)
            found.push_back(m);
    }
    return found;
}

std::vector<std::size_t> LadderMessages::carriedBy(std::size_t index, bool fromClient) const {
    std::vector<std::size_t> found;
    for (std::size_t m : overlapping(index, index + 1))
        if (messages[m].toServer == fromClient)
            found.push_back(m);
    return found;
}

LadderMessages placeMessages(const LoadedCapture& capture, std::uint32_t connection,
                             ConnectionMessages read) {
    LadderMessages placed;
    placed.capture = &capture;
    placed.connection = connection;
    placed.protocol = read.protocol;
    placed.messages = std::move(read.messages);
    const std::size_t count = capture.packets.packetCount(connection);
    const auto indices = std::views::iota(std::size_t{0}, count);
    // A connection's packets are in frame order.
    const auto indexOf = [&](std::uint64_t frame) {
        const auto found = std::ranges::partition_point(indices, [&](std::size_t i) {
            return capture.packets.at(connection, i).frame() < frame;
        });
        return found == indices.end() ? (count == 0 ? 0 : count - 1) : *found;
    };
    for (const Message& message : placed.messages) {
        const std::size_t first = indexOf(message.firstFrame);
        const std::size_t last = std::max(first, indexOf(message.lastFrame));
        placed.firstPacket.push_back(first);
        placed.lastPacket.push_back(last);
        placed.longestSpan = std::max(placed.longestSpan, last - first);
    }
    return placed;
}

} // namespace tcpladder::ui
