#pragma once

#include "ladder/merged_ladder_layout.h"

#include <QPainter>
#include <optional>

namespace tcpladder::ui {

// The one drawing of a merged ladder, for the view and the exports: back
// (lanes, the two point lines, their names), mid (stubs, arrows, crosses),
// fore (labels). Paints the content slice [top, bottom).
class MergedLadderPainter {
public:
    explicit MergedLadderPainter(const MergedLadderLayout& layout) : m_layout(layout) {}

    void paint(QPainter& painter, double top, double bottom,
               std::optional<std::size_t> selected = std::nullopt) const;

    // The label width function a layout needs, from the painter's fonts.
    static MergedLadderLayout::LabelWidth labelWidths(std::shared_ptr<const MergedCapture> merged,
                                                      std::size_t connection);
    static double labelLineHeight();
    static constexpr double kCrossSize = 6; // half the cross's width

private:
    void paintBack(QPainter& painter, double top, double bottom) const;
    void paintHeader(QPainter& painter) const;
    void paintArrow(QPainter& painter, const MergedArrow& arrow, bool selected) const;
    void paintLabel(QPainter& painter, const MergedLabel& label, bool selected) const;

    const MergedLadderLayout& m_layout;
};

// Colours of what the merge found, shared with the legend.
namespace merged_palette {
inline const QColor kLost{0xc6, 0x28, 0x28};
inline const QColor kGap{0xff, 0xf3, 0xe0};
} // namespace merged_palette

} // namespace tcpladder::ui
