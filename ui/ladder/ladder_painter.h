#pragma once

#include "ladder/ladder_arrows.h"
#include "ladder/ladder_layout.h"
#include "ladder/ladder_style.h"

#include <QPainter>
#include <cstddef>
#include <optional>
#include <vector>

namespace tcpladder::ui {

struct LadderPaintParams {
    double top = 0; // the content slice to paint, in content coordinates
    double bottom = 0;
    std::optional<std::size_t> selected;
    std::optional<std::size_t> hovered;
    // False lays out and paints every arrow of the connection: the baseline
    // the benchmark compares culling against.
    bool cull = true;
    // Only packets in [firstPacket, lastPacket) are drawn (an export's range).
    std::size_t firstPacket = 0;
    std::size_t lastPacket = static_cast<std::size_t>(-1);
};

// The one drawing of a ladder body, used by the view and by every export, in
// three passes as PulseView does: back (bands, lanes, ruler), mid (arrows),
// fore (labels, badges, notes). The caller translates the painter so that
// content coordinates land where it wants them and clips to the slice.
class LadderPainter {
public:
    explicit LadderPainter(const LadderLayout& layout) : m_layout(layout) {}

    void paint(QPainter& painter, const LadderPaintParams& params) const;

private:
    void paintBack(QPainter& painter, const LadderPaintParams& params) const;
    void paintRuler(QPainter& painter, const LadderPaintParams& params) const;
    void paintBreaks(QPainter& painter, const LadderPaintParams& params) const;
    void paintMessageBrackets(QPainter& painter, const LadderPaintParams& params) const;
    void paintLabels(QPainter& painter, const LadderPaintParams& params) const;
    void paintClockSteps(QPainter& painter, const LadderPaintParams& params) const;
    void paintNotes(QPainter& painter, const LadderPaintParams& params) const;

    const LadderLayout& m_layout;
};

// The widest a label may be: the room between the lanes.
double maxLabelWidth(const LadderLayout& layout);
// Sets the label line height from the label font, which the layout needs
// to keep labels apart.
void applyLabelMetrics(LadderOptions& options);
// Draws an analysis badge with its top-left corner at `topLeft`; returns its width.
double paintBadge(QPainter& painter, QPointF topLeft, const Badge& badge);

} // namespace tcpladder::ui
