#pragma once

#include "decode/tcp_segment.h"
#include "ladder/ladder_data.h"
#include "ladder/ladder_label_layout.h"

#include <QRectF>
#include <QString>
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <vector>

// The ladder's label guarantees, checked from the outside: on labels the
// layout returns, or on labels read back from an exported SVG.
namespace tcpladder::test {

// A label as a reader sees it: the frames it names (one, or a range of one
// side's), which side it is on, and the box it covers.
struct SeenLabel {
    bool fromClient = true;
    std::uint64_t firstFrame = 0;
    std::uint64_t lastFrame = 0;
    QRectF box;
};

inline SeenLabel seen(const ui::LadderData& data, const ui::LadderLabel& label) {
    return {label.fromClient, data.packet(label.first).frame(), data.packet(label.last).frame(),
            label.rect};
}

// Empty when the labels name every packet of `expected` exactly once (and,
// when `exact`, no other), give every marked packet, SYN, FIN, RST and
// message start its own, read top to bottom in frame order on each side and
// never overlap; else what is wrong.
inline QString labelProblems(const ui::LadderData& data, const std::vector<std::size_t>& expected,
                             std::vector<SeenLabel> labels, bool exact = true,
                             double tolerance = 0.01) {
    std::map<std::uint64_t, int> named;
    for (const SeenLabel& label : labels) {
        const std::size_t begin = data.indexOfFrame(label.firstFrame);
        const std::size_t end = data.indexOfFrame(label.lastFrame + 1);
        if (begin >= end || data.packet(begin).frame() != label.firstFrame)
            return QStringLiteral("#%1 is not a packet of the connection").arg(label.firstFrame);
        if (label.firstFrame == label.lastFrame) {
            ++named[label.firstFrame];
            continue;
        }
        for (std::size_t i = begin; i < end; ++i) {
            if (data.fromClient(i) != label.fromClient)
                continue;
            if (ui::needsOwnLabel(data, i))
                return QStringLiteral("#%1 is bundled in #%2–#%3 but needs its own label")
                    .arg(data.packet(i).frame())
                    .arg(label.firstFrame)
                    .arg(label.lastFrame);
            ++named[data.packet(i).frame()];
        }
    }
    for (const auto& [frame, times] : named)
        if (times != 1)
            return QStringLiteral("#%1 is named %2 times").arg(frame).arg(times);
    for (std::size_t index : expected)
        if (!named.contains(data.packet(index).frame()))
            return QStringLiteral("#%1 is not named").arg(data.packet(index).frame());
    if (exact && named.size() != expected.size())
        return QStringLiteral("%1 frames named, %2 expected")
            .arg(named.size())
            .arg(expected.size());
    for (const bool client : {true, false}) {
        std::vector<SeenLabel> side;
        std::ranges::copy_if(labels, std::back_inserter(side),
                             [&](const SeenLabel& l) { return l.fromClient == client; });
        std::ranges::sort(side, {}, [](const SeenLabel& l) { return l.box.top(); });
        for (std::size_t i = 1; i < side.size(); ++i)
            if (side[i].firstFrame < side[i - 1].lastFrame)
                return QStringLiteral("#%1 is below #%2")
                    .arg(side[i - 1].firstFrame)
                    .arg(side[i].firstFrame);
    }
    std::ranges::sort(labels, {}, [](const SeenLabel& l) { return l.box.top(); });
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1;
             j < labels.size() && labels[j].box.top() < labels[i].box.bottom() - tolerance; ++j)
            if (labels[i]
                    .box.adjusted(tolerance, tolerance, -tolerance, -tolerance)
                    .intersects(labels[j].box))
                return QStringLiteral("the labels of #%1 and #%2 overlap")
                    .arg(labels[i].firstFrame)
                    .arg(labels[j].firstFrame);
    return {};
}

inline std::vector<std::size_t> packetRange(std::size_t first, std::size_t last) {
    std::vector<std::size_t> range(last - first);
    std::iota(range.begin(), range.end(), first);
    return range;
}

} // namespace tcpladder::test
