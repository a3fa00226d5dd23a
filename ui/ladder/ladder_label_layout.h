#pragma once

#include "ladder/ladder_layout.h"

#include <QPointF>
#include <QRectF>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace tcpladder::ui {

// One label of the ladder: a packet's own, or a bundle naming a run of one
// side's consecutive packets whose arrows are too close for a label each.
struct LadderLabel {
    bool fromClient = true;
    std::size_t first = 0; // packet index of the first packet it names
    std::size_t last = 0;  // of the last; equal to `first` for a packet's own label
    std::size_t count = 1; // packets it names: the sender's packets in [first, last]
    // Over the bundle's packets: payload bytes, packets with payload, the
    // sequence space the payload covers and the acknowledgements.
    std::uint64_t bytes = 0;
    std::size_t segments = 0;
    std::uint32_t seqFirst = 0;
    std::uint32_t seqEnd = 0;
    std::uint32_t ackFirst = 0;
    std::uint32_t ackLast = 0;
    std::size_t acks = 0;  // packets with the ACK flag
    QPointF anchor;        // where the (first) arrow leaves the sender's lane
    double bracketEnd = 0; // a bundle's bracket runs from anchor.y() down to here
    QRectF rect;           // all the label covers; never meets another label's

    bool single() const { return count == 1; }
    // True when the label sits away from its arrow and needs a leader line.
    bool displaced() const { return std::abs(rect.bottom() - anchor.y()) > 0.5; }
};

// Labels keep this far from the sender's lane, leaving room for the
// bracket of a bundle and the start of a leader line.
constexpr double kLabelLaneInset = 10;

// The width a label needs when painted; never narrower than its painted text.
using LadderLabelWidth = std::function<double(const LadderLabel& label)>;

// The labels of packets [first, last) whose arrows start in [top, bottom),
// plus those a little above `top` whose labels may reach into the slice.
//
// Guarantees, which the painter and every export rely on:
// - every packet in range is named exactly once: by its own label or by a
//   bundle of its side; packets with an analysis mark and every SYN, FIN and
//   RST get their own;
// - on each side, labels read top to bottom in frame order;
// - no two label rectangles intersect.
// A label sits at its arrow's start, just inside the sender's lane, or as
// close below as it can, joined by a leader line. Bundles form where a
// band of content (a few label lines high, on a fixed grid so that scrolling
// does not reshuffle them) holds more packets than it has lines.
std::vector<LadderLabel> layoutLabels(const LadderLayout& layout, std::size_t first,
                                      std::size_t last, double top, double bottom,
                                      const LadderLabelWidth& width);

// True when the packet gets a label of its own at every density.
bool needsOwnLabel(const PacketRecord& packet);
// The same, and also when it starts an application message, whose name it carries.
bool needsOwnLabel(const LadderData& data, std::size_t index);

} // namespace tcpladder::ui
