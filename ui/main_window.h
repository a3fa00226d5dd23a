#pragma once

#include "loading/capture_snapshot.h"
#include "merged/merged_ptr.h"

#include <QList>
#include <QMainWindow>
#include <array>
#include <optional>

class QAction;
class QSplitter;
class QStackedWidget;

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
class MergeLoadJob;
class TwoPointView;
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
    // Two capture points of the same traffic, merged (issue 9); the one-file
    // view stays as it was until the merge succeeds.
    void openCaptures(const QString& first, const QString& second);
    // Merges `path` with the capture open now, as the second point.
    void addCapturePoint(const QString& path);
    // Used by the merges that follow instead of the estimate; empty: estimate.
    void setKnownOffset(std::optional<TimeNs> offset) { m_knownOffset = offset; }
    std::optional<TimeNs> knownOffset() const { return m_knownOffset; }
    TwoPointView* twoPointView() const { return m_twoPointView; }
    bool showsMerge() const;
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
    // "first + second", once a merge of two capture points is shown.
    void capturesMerged(const QString& description);

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
    void showAddPointDialog();
    void showOffsetDialog();
    void exportLadder();
    void connectMerging();
    void adoptMerge(const MergedPtr& merged);
    void adoptSnapshot(const SnapshotPtr& snapshot);
    void showLoadError(const QString& path, const QString& reason);
    void updateMatchCount();
    void updateTitle();
    void setLoading(bool loading);

    CaptureLoadJob* m_loadJob = nullptr;
    MergeLoadJob* m_mergeJob = nullptr;
    TwoPointView* m_twoPointView = nullptr;
    QStackedWidget* m_pages = nullptr; // the one-capture view, or the merged one
    QAction* m_addPointAction = nullptr;
    QList<QAction*> m_oneCaptureActions; // what the merged ladder has no form of
    std::optional<TimeNs> m_knownOffset;
    std::array<QString, 2> m_mergedPaths; // of the merge shown, for a re-merge with a new offset
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
