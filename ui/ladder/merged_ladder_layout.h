#pragma once

#include "merge/merged_capture.h"

#include <QPointF>
#include <QRectF>
#include <cstddef>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace tcpladder::ui {

// How a merged packet is drawn, from what the merge found of it.
enum class MergedArrowShape : std::uint8_t {
    Crossing,       // seen at both points: from one point line to the other, true slant
    LostBetween,    // seen at the sender-side point only: ends in a cross in the gap
    OnlyAtReceiver, // seen at the receiver-side point only: comes out of the gap
    OnePoint,       // its connection was seen at one point: drawn flat at that time
};

struct MergedArrow {
    std::size_t packet = 0; // index into MergedConnection::packets
    bool fromClient = true;
    MergedArrowShape shape = MergedArrowShape::Crossing;
    // The drawn segment between the points: from the sender-side point line
    // (or the gap) to the receiver-side point line (or the cross in the gap).
    QPointF start;
    QPointF end;
    // Where the stubs to and from the hosts' lanes end: no capture saw the
    // packet there, so they are drawn flat and dotted.
    double senderLaneX = 0;
    double receiverLaneX = 0;
};

struct MergedLabel {
    std::size_t packet = 0;
    bool fromClient = true;
    QPointF anchor; // where its arrow leaves the sender's lane
    QRectF rect;    // never meets another label on the same side
};

struct MergedLadderOptions {
    double width = 1100;
    // Vertical scale; 0 picks one at which the median one-way delay spans
    // kAutoDelayPixels, so the slant is plain to see, unless that spreads
    // the packets more than four times as far apart as their labels need.
    double pixelsPerMs = 0;
    double labelHeight = 16;
    // Each side's label column: as wide as its widest label, within these.
    double minLabelColumn = 180;
    double maxLabelColumn = 480;
    // Only packets [firstPacket, lastPacket) of the connection are laid out.
    std::size_t firstPacket = 0;
    std::size_t lastPacket = static_cast<std::size_t>(-1);
    static constexpr double kAutoDelayPixels = 60;
    static constexpr double kMaxHeight = 60000;
};

// Pure geometry of the two-point ladder of one merged connection: client
// lane, the client-side point's line, the server-side point's line, server
// lane; time runs down on point 0's clock. No painting, so it is tested
// without pixels.
class MergedLadderLayout {
public:
    // Width of a packet's label text, in pixels, from the painter's fonts.
    using LabelWidth = std::function<double(std::size_t packet)>;

    MergedLadderLayout(std::shared_ptr<const MergedCapture> merged, std::size_t connection,
                       const MergedLadderOptions& options, const LabelWidth& labelWidth);

    const MergedCapture& merged() const { return *m_merged; }
    const MergedConnection& connection() const { return m_merged->connections[m_connection]; }
    const MergedLadderOptions& options() const { return m_options; }

    double yAt(TimeNs time) const;
    TimeNs timeAt(double y) const;
    double pixelsPerMs() const { return m_pixelsPerNs * 1e6; }
    TimeNs origin() const { return m_origin; }
    TimeNs end() const { return m_end; }

    double clientLaneX() const { return m_clientLaneX; }
    double serverLaneX() const { return m_serverLaneX; }
    // The line of capture point p (0 or 1).
    double pointX(int point) const;
    int clientSidePoint() const { return m_clientSidePoint; }
    double headerHeight() const { return kHeaderHeight; }
    double width() const { return m_options.width; }
    double height() const { return m_height; }

    const std::vector<MergedArrow>& arrows() const { return m_arrows; }
    const std::vector<MergedLabel>& labels() const { return m_labels; }
    // The packets laid out, [first, last) of the connection's.
    std::size_t firstPacket() const { return m_first; }
    std::size_t lastPacket() const { return m_last; }
    // The packets [first, last) whose arrows or labels reach into content
    // [top, bottom); first == last when none does.
    std::pair<std::size_t, std::size_t> packetsBetween(double top, double bottom) const;
    // The arrow nearest `position` within a few pixels, or -1.
    std::ptrdiff_t arrowAt(QPointF position) const;

    static constexpr double kHeaderHeight = 64;
    static constexpr double kLaneGap = 150; // from a lane to its point's line

private:
    void placeArrows();
    void placeLabels();

    std::shared_ptr<const MergedCapture> m_merged;
    std::size_t m_connection;
    MergedLadderOptions m_options;
    TimeNs m_origin = 0;
    TimeNs m_end = 0;
    double m_pixelsPerNs = 0;
    double m_clientLaneX = 0;
    double m_serverLaneX = 0;
    int m_clientSidePoint = 0;
    double m_height = 0;
    std::vector<MergedArrow> m_arrows;
    std::vector<MergedLabel> m_labels;
    std::vector<double> m_labelWidths; // by packet - m_first
    std::size_t m_first = 0;
    std::size_t m_last = 0;
    double m_labelColumn = 0;
};

} // namespace tcpladder::ui
