#pragma once

#include "ladder/ladder_exporter.h"

#include <QDialog>
#include <memory>

class QButtonGroup;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tcpladder::ui {

class LadderView;

// File > Export Ladder…: where to (PNG, SVG or PDF by the file name), which
// packets (the whole connection, the visible range, or a frame range) and, for
// PNG, the pixel ratio. Draws with the view's current axis, slant and zoom.
class LadderExportDialog : public QDialog {
    Q_OBJECT

public:
    enum class Range { Whole, Visible, Frames };

    explicit LadderExportDialog(const LadderView* view, QWidget* parent = nullptr);

    void setPath(const QString& path);
    void setRange(Range range);
    void setFrames(int first, int last);
    void setPixelRatio(double ratio);
    // The export as chosen; the range resolved to packet indices.
    LadderExportRequest request() const;
    // Writes the file; false (with a message shown) when it failed.
    bool exportNow();

    void accept() override;

private:
    void browse();

    const LadderView* m_view;
    QLineEdit* m_path;
    QButtonGroup* m_range;
    QSpinBox* m_firstFrame;
    QSpinBox* m_lastFrame;
    QComboBox* m_ratio;
};

} // namespace tcpladder::ui
