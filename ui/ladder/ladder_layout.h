#pragma once

#include "ladder/ladder_data.h"

#include <QPointF>
#include <QRectF>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace tcpladder::ui {

enum class TimeAxis { TrueTime, PerPacket };

struct LadderOptions {
    TimeAxis axis = TimeAxis::TrueTime;
    // Arrows leave the sender at the estimated send time; flat at capture
    // time when false or when the capture point is unknown.
    bool slanted = true;
    double pixelsPerSecond = 0; // 0: the default zoom (see defaultPixelsPerSecond)
    double rowHeight = 24;      // per-packet axis
    double breakHeight = 34;    // an idle break on the true-time axis
    double width = 1000;
    double lineHeight = 15; // of one label line, in the painter's font
    // Of the first screen, which the default zoom tries to fill with the whole story.
    double viewHeight = 800;
    double topMargin = 18; // room for the label above a first arrow that is flat
    double bottomMargin = 24;
};

// Horizontal positions, left to right: time ruler, client lane, capture
// point, server lane, notes.
struct LadderColumns {
    double rulerRight = 0;
    double clientX = 0;
    double captureX = 0;
    double serverX = 0;
    double notesLeft = 0;
    double width = 0;
};

struct LadderArrow {
    std::size_t index = 0;
    bool fromClient = true;
    QPointF start;       // at the sender's lane
    QPointF end;         // at the receiver's lane
    double captureY = 0; // where it passes the capture point

    double labelY() const { return (start.y() + end.y()) / 2; }
    // The point at horizontal position `x` on the arrow's line.
    QPointF pointAtX(double x) const;
};

// A stretch of content between two breaks, for the ruler.
struct AxisStretch {
    TimeNs begin = 0;
    TimeNs end = 0;
    double top = 0;
    double bottom = 0;
};

struct BreakBand {
    const Silence* silence = nullptr;
    double top = 0;
    double bottom = 0;
};

// All geometry of one connection's ladder at one zoom, in content
// coordinates (y grows with time from 0 at the top). Pure: no painting, no
// widgets; every query is a binary search, never a pass over all packets.
class LadderLayout {
public:
    LadderLayout(std::shared_ptr<const LadderData> data, const LadderOptions& options);

    const LadderData& data() const { return *m_data; }
    std::shared_ptr<const LadderData> sharedData() const { return m_data; }
    const LadderOptions& options() const { return m_options; }
    const LadderColumns& columns() const { return m_columns; }
    bool slanted() const { return m_options.slanted && m_data->estimate.known(); }
    double pixelsPerSecond() const { return m_scale * 1e9; }

    double contentHeight() const { return m_contentHeight; }
    double yForTime(TimeNs time) const;
    TimeNs timeForY(double y) const;
    // A packet after the capture's clock stepped back sits where time stood
    // before the step (the running maximum), so every packet is drawn, in
    // frame order; clockStepsBetween finds those steps to mark them.
    double yForPacket(std::size_t index) const;
    TimeNs keyTime(std::size_t index) const;
    // Packets in [first, last) stamped earlier than the packet before them.
    std::vector<std::size_t> clockStepsBetween(std::size_t first, std::size_t last) const;
    LadderArrow arrow(std::size_t index) const;
    // arrow(index).start.y() from the packet's record, without the rest.
    double startY(std::size_t index, const PacketRecord& packet) const;

    // Packets whose arrows may reach into [top, bottom): [first, last).
    std::pair<std::size_t, std::size_t> packetsBetween(double top, double bottom) const;
    // The arrows worth drawing there: all of them, or where more than
    // `perPixel` fall on a pixel row, one per row (found by binary search).
    std::vector<std::size_t> arrowsToDraw(double top, double bottom, double perPixel = 2) const;
    std::optional<std::size_t> packetAt(QPointF point, double tolerance = 6) const;

    std::vector<BreakBand> breaksBetween(double top, double bottom) const;
    std::vector<AxisStretch> stretchesBetween(double top, double bottom) const;

    // The zoom a connection opens at: the whole connection when it fits
    // options.viewHeight with a label's height per packet; else one
    // handshake round trip about a screen high (without a handshake, the
    // median gap between packets about one label), but never so deep that
    // the first screen (from `firstPacket` on) holds fewer than 15 packets;
    // limited so the content stays within a scrollable height.
    static double defaultPixelsPerSecond(const LadderData& data, const LadderOptions& options,
                                         std::size_t firstPacket = 0);
    // The zoom at which the whole connection fits into `height` pixels.
    static double fittingPixelsPerSecond(const LadderData& data, const LadderOptions& options,
                                         double height);

private:
    double bandTop(std::size_t breakIndex) const;
    double arrowSpread() const;

    std::shared_ptr<const LadderData> m_data;
    LadderOptions m_options;
    LadderColumns m_columns;
    double m_scale = 0; // pixels per nanosecond
    double m_contentHeight = 0;
    double m_top = 0; // y of time zero: the margin plus room for the first slanted arrow
};

} // namespace tcpladder::ui
