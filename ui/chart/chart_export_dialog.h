#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace tcpladder::ui {

class ChartView;

// File > Export Chart…: where to, PNG at 1× or 2×, or SVG; exports the chart
// as the view shows it (tab, direction, zoom) on accept.
class ChartExportDialog : public QDialog {
    Q_OBJECT

public:
    explicit ChartExportDialog(ChartView* view, QWidget* parent = nullptr);

    QString path() const;
    double scale() const;

    void accept() override;

private:
    void browse();
    void matchSuffix();

    ChartView* m_view;
    QLineEdit* m_path;
    QComboBox* m_format;
};

} // namespace tcpladder::ui
