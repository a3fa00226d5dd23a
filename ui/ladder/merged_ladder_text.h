#pragma once

#include "ladder/ladder_header.h"
#include "merge/merged_capture.h"

#include <QColor>
#include <QObject>
#include <QString>
#include <cstddef>

namespace tcpladder::ui {

// A merged packet's label: the frames at each point (bold), the time it
// passed the sender-side point, its fields, and what the merge found.
struct MergedLabelText {
    QString frames;  // "#12 | #10": frame at point 1, then at point 2; "–" where unseen
    QString fields;  // "  +0.123 s  PA seq 1 len 1448"
    QString finding; // "lost between", "resent after loss", ...; empty when it simply crossed
    QColor findingColor;
};

// "lost between the points", etc.; empty for a packet seen at both points.
QString fateText(PacketFate fate);

MergedLabelText mergedLabelText(const MergedCapture& merged, const MergedConnection& connection,
                                std::size_t packet, TimeNs origin);

// "Merged connection 0: 10.0.0.1:40000 → 10.0.0.2:80", with the files, the
// packets drawn and what the merge found, above an exported merged ladder.
LadderTitle mergedLadderTitle(const MergedCapture& merged, const MergedConnection& connection,
                              std::size_t first, std::size_t last);

// Packets [first, last) as text, one line per packet, its label's words
// after an arrow that says who sent it ("→ #4 | #4  20.300 ms  PA seq 1 len
// 1000  ⟶ 10.0 ms"), the finding after " · "; under a line naming the
// connection and the points. For the clipboard.
QString mergedLadderText(const MergedCapture& merged, const MergedConnection& connection,
                         std::size_t first, std::size_t last, TimeNs origin);

} // namespace tcpladder::ui
