#pragma once

#include "merged/merged_ptr.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;
class QTabWidget;

namespace tcpladder::ui {

class ChartCanvas;
class MergedConnectionProxy;
class MergedConnectionTableModel;
class MergedLadderView;
class MergedPacketDetailsPane;

// Two capture points merged: the merge's header line, the merged connection
// table with its one-side toggle, and below it the selected connection's
// two-point ladder beside the picked packet's details, and its one-way
// delay chart. Only wires its parts.
class TwoPointView : public QWidget {
    Q_OBJECT

public:
    explicit TwoPointView(QWidget* parent = nullptr);

    void setMerged(MergedPtr merged);
    const MergedPtr& merged() const { return m_merged; }
    // The merged connection shown below the table (its row in the model), or -1.
    int currentConnection() const { return m_current; }
    void selectConnection(int connection);

    QTableView* table() const { return m_table; }
    MergedConnectionTableModel* model() const { return m_model; }
    MergedConnectionProxy* proxy() const { return m_proxy; }
    QCheckBox* oneSidedToggle() const { return m_oneSided; }
    QLabel* header() const { return m_header; }
    MergedLadderView* ladder() const { return m_ladder; }
    MergedPacketDetailsPane* details() const { return m_details; }
    ChartCanvas* delayChart() const { return m_chart; }

signals:
    void currentConnectionChanged(int connection);

private:
    void showConnection(int connection);

    MergedPtr m_merged;
    int m_current = -1;
    QLabel* m_header = nullptr;
    QLabel* m_notes = nullptr;
    QCheckBox* m_oneSided = nullptr;
    QTableView* m_table = nullptr;
    MergedConnectionTableModel* m_model = nullptr;
    MergedConnectionProxy* m_proxy = nullptr;
    QTabWidget* m_tabs = nullptr;
    MergedLadderView* m_ladder = nullptr;
    MergedPacketDetailsPane* m_details = nullptr;
    ChartCanvas* m_chart = nullptr;
};

} // namespace tcpladder::ui
