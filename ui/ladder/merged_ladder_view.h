#pragma once

#include "ladder/merged_ladder_layout.h"
#include "merged/merged_ptr.h"

#include <QScrollArea>
#include <memory>
#include <optional>
#include <utility>

namespace tcpladder::ui {

class MergedLadderCanvas;

// The two-point ladder of one merged connection in a scroll area: +/− zoom
// the time axis, F fits, a click selects a packet, Ctrl+C copies what is
// visible. Paints only what is visible, through the same painter the
// exports use.
class MergedLadderView : public QScrollArea {
    Q_OBJECT

public:
    explicit MergedLadderView(QWidget* parent = nullptr);
    ~MergedLadderView() override;

    void setConnection(MergedPtr merged, int connection);
    void clear();
    const MergedLadderLayout* layout() const { return m_layout.get(); }
    std::optional<std::size_t> selectedPacket() const { return m_selected; }
    void zoom(double factor);
    void fit();
    // PNG, SVG or PDF by the suffix; false with the reason in `error`.
    bool exportTo(const QString& path, QString* error) const;
    // The content rows [top, bottom) the viewport shows.
    std::pair<double, double> visibleSlice() const;
    // What the viewport shows, as a picture and as text, on the clipboard.
    void copyVisibleToClipboard() const;
    // Its packets as text only.
    void copyVisibleAsText() const;

signals:
    void packetSelected(qint64 packet);

private:
    friend class MergedLadderCanvas;
    void addActions();
    void relayout();
    void select(std::optional<std::size_t> packet);

    MergedPtr m_merged;
    int m_connection = -1;
    double m_pixelsPerMs = 0; // 0: the layout's automatic scale
    std::unique_ptr<MergedLadderLayout> m_layout;
    std::optional<std::size_t> m_selected;
    MergedLadderCanvas* m_canvas = nullptr;
};

} // namespace tcpladder::ui
