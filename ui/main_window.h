#pragma once

#include "loading/capture_snapshot.h"

#include <QMainWindow>

class QAction;
class QSplitter;

namespace tcpladder::ui {

class CaptureLoadJob;
class ChartView;
class ConnectionViewState;
class LadderView;
class PacketDetailsPane;
class CaptureSummaryLine;
class ConnectionFilterProxy;
class ConnectionSummaryPanel;
class ConnectionTableModel;
class ConnectionTableView;
class FilterBar;
class LoadProgressWidget;
class WarningIndicator;

// Wires the parts together: menus, the load job, the table with its filter
// bar, the connection view below it, and the status bar. Holds no logic of
// its own beyond deciding which part hears about what.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openCapture(const QString& path);
    void reload();
    void cancelLoad();
    // For the loads that follow; the default is half of physical memory.
    void setMemoryBudget(std::uint64_t bytes);
    bool isLoading() const;
    const SnapshotPtr& snapshot() const { return m_snapshot; }
    ConnectionTableView* connectionTable() const { return m_table; }
    ConnectionViewState* viewState() const { return m_viewState; }
    LadderView* ladder() const { return m_ladder; }
    ChartView* chart() const { return m_chart; }

signals:
    void captureLoaded(const QString& path);
    void loadFailed(const QString& path, const QString& reason);
    void loadCancelled(const QString& path);
    void currentConnectionChanged(int connectionId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    QWidget* createCentralArea();
    QWidget* createConnectionArea(QWidget* parent);
    void createStatusBar();
    void connectLoading();
    void connectFiltering();
    void showOpenDialog();
    void adoptSnapshot(const SnapshotPtr& snapshot);
    void showLoadError(const QString& path, const QString& reason);
    void updateMatchCount();
    void updateTitle();
    void setLoading(bool loading);

    CaptureLoadJob* m_loadJob = nullptr;
    ConnectionTableModel* m_model = nullptr;
    ConnectionFilterProxy* m_proxy = nullptr;
    ConnectionTableView* m_table = nullptr;
    FilterBar* m_filterBar = nullptr;
    CaptureSummaryLine* m_summaryLine = nullptr;
    ConnectionSummaryPanel* m_connectionPanel = nullptr;
    ConnectionViewState* m_viewState = nullptr;
    LadderView* m_ladder = nullptr;
    ChartView* m_chart = nullptr;
    PacketDetailsPane* m_details = nullptr;
    QSplitter* m_splitter = nullptr;
    QSplitter* m_connectionSplitter = nullptr;
    QSplitter* m_sideSplitter = nullptr;
    LoadProgressWidget* m_progress = nullptr;
    WarningIndicator* m_warnings = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_cancelAction = nullptr;
    SnapshotPtr m_snapshot;
    bool m_splitSizesPending = false; // nothing saved: size the splitters on first show
};

} // namespace tcpladder::ui
