#pragma once

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

} // namespace tcpladder::ui
