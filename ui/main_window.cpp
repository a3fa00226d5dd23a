#include "main_window.h"

#include "chart/chart_export_dialog.h"
#include "chart/chart_view.h"
#include "format/file_path.h"
#include "format/qt_text.h"
#include "ladder/ladder_export_dialog.h"
#include "ladder/ladder_view.h"
#include "ladder/merged_ladder_view.h"
#include "ladder/packet_details_pane.h"
#include "loading/capture_load_job.h"
#include "loading/connection_messages_job.h"
#include "loading/merge_load_job.h"
#include "merged/merge_summary_text.h"
#include "merged/two_point_view.h"
#include "models/connection_filter_proxy.h"
#include "models/connection_table_model.h"
#include "table/connection_table_view.h"
#include "table/filter_bar.h"
#include "view_state/connection_view_state.h"
#include "widgets/capture_summary_line.h"
#include "widgets/connection_summary_panel.h"
#include "widgets/load_progress_widget.h"
#include "widgets/warning_indicator.h"
#include "window/recent_files.h"
#include "window/window_state.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace tcpladder::ui {
namespace {

QStringList localFiles(const QMimeData* mime) {
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    return files;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_loadJob = new CaptureLoadJob(this);
    m_mergeJob = new MergeLoadJob(this);
    m_model = new ConnectionTableModel(this);
    m_proxy = new ConnectionFilterProxy(this);
    m_proxy->setConnectionModel(m_model);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createCentralArea());
    m_twoPointView = new TwoPointView(m_pages);
    m_pages->addWidget(m_twoPointView);
    setCentralWidget(m_pages);
    createMenus();
    createStatusBar();
    connectLoading();
    connectMerging();
    connectFiltering();
    m_splitSizesPending = !restoreWindowState({this, m_splitter, m_table->horizontalHeader(),
                                               m_filterBar, m_connectionSplitter, m_sideSplitter});
    m_model->setSlowRule(m_filterBar->slowRule());
    m_connectionPanel->setSlowRule(m_filterBar->slowRule());
    updateTitle();
    updateMatchCount();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createCentralArea() {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);
    m_filterBar = new FilterBar(central);
    layout->addWidget(m_filterBar);
    m_summaryLine = new CaptureSummaryLine(central);
    layout->addWidget(m_summaryLine);

    // Table above, connection view below: the table needs the width for its
    // columns, and the ladder and chart to come read best wide as well.
    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_table = new ConnectionTableView(m_splitter);
    m_table->setProxy(m_proxy);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(createConnectionArea(m_splitter));
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    layout->addWidget(m_splitter, 1);

    connect(m_table, &ConnectionTableView::currentConnectionChanged, m_connectionPanel,
            &ConnectionSummaryPanel::setConnection);
    connect(m_table, &ConnectionTableView::currentConnectionChanged, m_viewState,
            &ConnectionViewState::setConnection);
    connect(m_table, &ConnectionTableView::currentConnectionChanged, this,
            &MainWindow::currentConnectionChanged);
    return central;
}

// The selected connection: the ladder on the left (the picture people come
// for), the chart beside it, and below the chart the packet details and the
// connection summary. All of them observe one ConnectionViewState.
QWidget* MainWindow::createConnectionArea(QWidget* parent) {
    m_viewState = new ConnectionViewState(this);
    // The selected connection's messages, read on a worker into the state.
    new ConnectionMessagesJob(m_viewState, this);
    m_connectionSplitter = new QSplitter(Qt::Horizontal, parent);
    m_connectionSplitter->setObjectName(QStringLiteral("connectionSplitter"));
    m_connectionSplitter->setChildrenCollapsible(false);
    m_ladder = new LadderView(m_viewState, m_connectionSplitter);
    m_sideSplitter = new QSplitter(Qt::Vertical, m_connectionSplitter);
    m_sideSplitter->setObjectName(QStringLiteral("sideSplitter"));
    m_sideSplitter->setChildrenCollapsible(false);
    m_chart = new ChartView(m_viewState, m_sideSplitter);
    auto* tabs = new QTabWidget(m_sideSplitter);
    m_details = new PacketDetailsPane(m_viewState, tabs);
    m_connectionPanel = new ConnectionSummaryPanel(tabs);
    tabs->addTab(m_details, tr("Packet"));
    tabs->addTab(m_connectionPanel, tr("Connection"));
    m_sideSplitter->addWidget(m_chart);
    m_sideSplitter->addWidget(tabs);
    m_sideSplitter->setStretchFactor(0, 7);
    m_sideSplitter->setStretchFactor(1, 3);
    m_connectionSplitter->addWidget(m_ladder);
    m_connectionSplitter->addWidget(m_sideSplitter);
    m_connectionSplitter->setStretchFactor(0, 11);
    m_connectionSplitter->setStretchFactor(1, 9);
    // A packet picked in the ladder or the chart shows its details.
    connect(m_viewState, &ConnectionViewState::selectedPacketChanged, this,
            [tabs, this](qint64 index) {
                if (index >= 0)
                    tabs->setCurrentWidget(m_details);
            });
    return m_connectionSplitter;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    auto* recent = new RecentFilesMenu(this);
    connect(recent, &RecentFilesMenu::fileChosen, this, &MainWindow::openCapture);
    file->addMenu(recent);
    m_addPointAction =
        file->addAction(tr("Add Capture &Point…"), this, &MainWindow::showAddPointDialog);
    m_addPointAction->setObjectName(QStringLiteral("addCapturePointAction"));
    m_addPointAction->setEnabled(false);
    QAction* offset =
        file->addAction(tr("Known Clock &Offset…"), this, &MainWindow::showOffsetDialog);
    offset->setObjectName(QStringLiteral("knownOffsetAction"));
    m_reloadAction = file->addAction(tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    m_reloadAction->setShortcuts({QKeySequence::Refresh, QKeySequence(tr("Ctrl+R"))});
    file->addSeparator();
    QAction* exportLadder = file->addAction(tr("Export &Ladder…"), this, &MainWindow::exportLadder);
    exportLadder->setObjectName(QStringLiteral("exportLadderAction"));
    QAction* exportChart = file->addAction(tr("Export &Chart…"), this, [this] {
        ChartExportDialog dialog(m_chart, this);
        dialog.exec();
    });
    exportChart->setObjectName(QStringLiteral("exportChartAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions(m_table->actions());
    // The ladder shown: the one capture's, or the merged one of two points
    // (an image that carries its text too, and text; no Mermaid or PlantUML).
    QAction* copyLadder = edit->addAction(tr("Copy Ladder &Image"), this, [this] {
        if (showsMerge())
            m_twoPointView->ladder()->copyVisibleToClipboard();
        else
            m_ladder->copyVisibleToClipboard();
    });
    copyLadder->setObjectName(QStringLiteral("copyLadderImageAction"));
    copyLadder->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    QAction* copyText = edit->addAction(tr("Copy Ladder as &Text"), this, [this] {
        if (showsMerge())
            m_twoPointView->ladder()->copyVisibleAsText();
        else
            m_ladder->copyVisibleAsText(LadderTextFormat::Text);
    });
    copyText->setObjectName(QStringLiteral("copyLadderTextAction"));
    for (const auto& [text, format] :
         {std::pair{tr("Copy Ladder as &Mermaid"), LadderTextFormat::Mermaid},
          std::pair{tr("Copy Ladder as &PlantUML"), LadderTextFormat::PlantUml}})
        m_oneCaptureActions << edit->addAction(
            text, m_ladder, [this, format] { m_ladder->copyVisibleAsText(format); });
    edit->addSeparator();
    QAction* find = edit->addAction(tr("&Filter Connections"), m_filterBar, &FilterBar::focusText);
    find->setShortcut(QKeySequence::Find);

    m_cancelAction = new QAction(tr("Cancel Loading"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelLoadAction"));
    m_cancelAction->setShortcut(Qt::Key_Escape);
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelLoad);
    addAction(m_cancelAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About tcpladder"), this, [this] {
        QMessageBox::about(this, tr("About tcpladder"),
                           tr("<b>tcpladder %1</b><p>Find the TCP connection that matters in a "
                              "packet capture, and see how it went.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createStatusBar() {
    m_progress = new LoadProgressWidget(this);
    m_warnings = new WarningIndicator(this);
    statusBar()->addWidget(m_progress);
    statusBar()->addWidget(m_warnings, 1);
    connect(m_progress, &LoadProgressWidget::cancelRequested, this, &MainWindow::cancelLoad);
}

void MainWindow::connectLoading() {
    connect(m_loadJob, &CaptureLoadJob::started, this, [this](const QString& path) {
        m_progress->begin(path);
        setLoading(true);
    });
    connect(m_loadJob, &CaptureLoadJob::progressed, m_progress, &LoadProgressWidget::update);
    connect(m_loadJob, &CaptureLoadJob::loaded, this, [this](const SnapshotPtr& snapshot) {
        setLoading(false);
        adoptSnapshot(snapshot);
    });
    connect(m_loadJob, &CaptureLoadJob::failed, this,
            [this](const QString& path, const QString& reason) {
                setLoading(false);
                showLoadError(path, reason);
                emit loadFailed(path, reason);
            });
    connect(m_loadJob, &CaptureLoadJob::cancelled, this, [this](const QString& path) {
        setLoading(false);
        statusBar()->showMessage(tr("Loading %1 cancelled").arg(QFileInfo(path).fileName()), 5000);
        emit loadCancelled(path);
    });
}

void MainWindow::connectMerging() {
    connect(m_mergeJob, &MergeLoadJob::started, this, [this](const QString& description) {
        m_progress->begin(description);
        setLoading(true);
    });
    connect(m_mergeJob, &MergeLoadJob::progressed, m_progress, &LoadProgressWidget::update);
    connect(m_mergeJob, &MergeLoadJob::merged, this, [this](const MergedPtr& merged) {
        setLoading(false);
        adoptMerge(merged);
    });
    connect(m_mergeJob, &MergeLoadJob::failed, this,
            [this](const QString& path, const QString& reason) {
                setLoading(false);
                showLoadError(path, reason);
                emit loadFailed(path, reason);
            });
    connect(m_mergeJob, &MergeLoadJob::cancelled, this, [this] {
        setLoading(false);
        statusBar()->showMessage(tr("Merging cancelled"), 5000);
    });
}

void MainWindow::openCaptures(const QString& first, const QString& second) {
    m_loadJob->cancel();
    m_mergedPaths = {first, second};
    MergeOptions options;
    options.knownOffset = m_knownOffset;
    m_mergeJob->start(first, second, {}, options);
}

void MainWindow::addCapturePoint(const QString& path) {
    if (!m_snapshot) {
        openCapture(path);
        return;
    }
    const QString first = pathFromBytes(m_snapshot->capture->path);
    m_mergedPaths = {first, path};
    MergeOptions options;
    options.knownOffset = m_knownOffset;
    m_mergeJob->start(first, path, m_snapshot->capture, options);
}

bool MainWindow::showsMerge() const {
    return m_pages->currentWidget() == m_twoPointView;
}

void MainWindow::adoptMerge(const MergedPtr& merged) {
    m_twoPointView->setMerged(merged);
    m_pages->setCurrentWidget(m_twoPointView);
    for (QAction* action : m_oneCaptureActions)
        action->setEnabled(false);
    m_warnings->setWarnings({});
    const QString description = mergeTitleText(*merged);
    setWindowFilePath({});
    setWindowTitle(tr("%1 — tcpladder").arg(description));
    emit capturesMerged(description);
}

void MainWindow::showAddPointDialog() {
    const QString start =
        m_snapshot ? QFileInfo(pathFromBytes(m_snapshot->capture->path)).path() : QString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Add Capture Point: the Same Traffic Captured Elsewhere"), start);
    if (!path.isEmpty())
        addCapturePoint(path);
}

void MainWindow::showOffsetDialog() {
    bool ok = false;
    const QString current = m_knownOffset
                                ? QString::number(static_cast<double>(*m_knownOffset) / 1e6, 'f', 6)
                                : QString();
    const QString text = QInputDialog::getText(
        this, tr("Known Clock Offset"),
        tr("Point 2's clock minus point 1's, in milliseconds (empty: estimate it from the "
           "packets):"),
        QLineEdit::Normal, current, &ok);
    if (!ok)
        return;
    const double ms = text.trimmed().toDouble(&ok);
    if (text.trimmed().isEmpty())
        m_knownOffset.reset();
    else if (ok)
        m_knownOffset = static_cast<TimeNs>(ms * 1e6);
    else
        return;
    if (showsMerge())
        openCaptures(m_mergedPaths[0], m_mergedPaths[1]);
}

void MainWindow::exportLadder() {
    if (!showsMerge()) {
        LadderExportDialog dialog(m_ladder, this);
        dialog.exec();
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Merged Ladder"), {},
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_twoPointView->ladder()->exportTo(path, &error))
        QMessageBox::warning(this, tr("Export Merged Ladder"), error);
}

void MainWindow::connectFiltering() {
    connect(m_filterBar, &FilterBar::textChanged, m_proxy,
            &ConnectionFilterProxy::setEndpointFilter);
    connect(m_filterBar, &FilterBar::quickFiltersChanged, m_proxy,
            &ConnectionFilterProxy::setQuickFilters);
    connect(m_filterBar, &FilterBar::slowRuleChanged, this, [this](const SlowRule& rule) {
        m_model->setSlowRule(rule);
        m_proxy->slowRuleChanged();
        m_connectionPanel->setSlowRule(rule);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &MainWindow::updateMatchCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateMatchCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateMatchCount);
}

void MainWindow::openCapture(const QString& path) {
    m_mergeJob->cancel();
    m_loadJob->start(path);
}

void MainWindow::reload() {
    if (showsMerge())
        openCaptures(m_mergedPaths[0], m_mergedPaths[1]);
    else if (m_snapshot)
        openCapture(pathFromBytes(m_snapshot->capture->path));
}

void MainWindow::cancelLoad() {
    m_loadJob->cancel();
    m_mergeJob->cancel();
}

void MainWindow::setMemoryBudget(std::uint64_t bytes) {
    m_loadJob->setMemoryBudget(bytes);
}

bool MainWindow::isLoading() const {
    return m_loadJob->isRunning() || m_mergeJob->isRunning();
}

void MainWindow::setLoading(bool loading) {
    m_cancelAction->setEnabled(loading);
    m_addPointAction->setEnabled(!loading && m_snapshot);
    if (!loading)
        m_progress->end();
}

void MainWindow::showOpenDialog() {
    const QString start =
        m_snapshot ? QFileInfo(pathFromBytes(m_snapshot->capture->path)).path() : QString();
    // Compressed captures are told by their first bytes; the patterns only
    // offer them in the dialog.
    QStringList patterns;
    for (const char* capture : {"*.pcap", "*.pcapng", "*.cap", "*.dmp"}) {
        for (const char* compression : {"", ".gz", ".zst", ".lz4"})
            patterns << QLatin1String(capture) + QLatin1String(compression);
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Capture"), start,
        tr("Captures (%1);;All files (*)").arg(patterns.join(QChar(' '))));
    if (!path.isEmpty())
        openCapture(path);
}

void MainWindow::adoptSnapshot(const SnapshotPtr& snapshot) {
    const int previous = m_table->currentConnection();
    const bool sameFile = m_snapshot && snapshot->capture->path == m_snapshot->capture->path;
    m_snapshot = snapshot;
    m_pages->setCurrentIndex(0);
    for (QAction* action : m_oneCaptureActions)
        action->setEnabled(true);
    m_addPointAction->setEnabled(true);
    m_connectionPanel->setSnapshot(snapshot);
    m_viewState->setCapture(snapshot->capture);
    m_model->setSnapshot(snapshot);
    m_summaryLine->setSnapshot(snapshot);
    QStringList warnings;
    for (const std::string& warning : snapshot->capture->warnings)
        warnings << toQString(warning);
    // Not a warning about the capture, but the reason the details pane and
    // the chart's SACK blocks stay empty.
    if (!snapshot->capture->rereadUnavailable.empty())
        warnings << toQString(snapshot->capture->rereadUnavailable);
    m_warnings->setWarnings(warnings);
    const QString path = pathFromBytes(snapshot->capture->path);
    RecentFiles().add(path);
    updateTitle();
    // A reload keeps the reader on the connection they were looking at.
    if (sameFile && previous != ConnectionTableView::kNoConnection)
        m_table->selectConnection(previous);
    emit captureLoaded(path);
}

void MainWindow::showLoadError(const QString& path, const QString& reason) {
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Cannot Open Capture"),
                        tr("tcpladder could not open “%1”.").arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("loadErrorDialog"));
    // The core's reason begins with the path, which the text above already names.
    const QString prefix = path + QStringLiteral(": ");
    box->setInformativeText(reason.startsWith(prefix) ? reason.mid(prefix.size()) : reason);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // open(), not exec(): the window stays responsive and tests can read the box.
    box->open();
}

void MainWindow::updateMatchCount() {
    m_filterBar->setMatchCount(m_proxy->rowCount(), m_model->rowCount());
}

void MainWindow::updateTitle() {
    if (!m_snapshot) {
        setWindowTitle(QStringLiteral("tcpladder"));
        return;
    }
    const QString path = pathFromBytes(m_snapshot->capture->path);
    setWindowFilePath(path);
    setWindowTitle(tr("%1 — tcpladder").arg(QFileInfo(path).fileName()));
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!m_splitSizesPending)
        return;
    m_splitSizesPending = false;
    // After this event the layout has given the splitters their real size.
    QTimer::singleShot(0, this, [this] {
        applyDefaultSplitSizes({this, m_splitter, m_table->horizontalHeader(), m_filterBar,
                                m_connectionSplitter, m_sideSplitter});
    });
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_loadJob->cancel();
    saveWindowState({this, m_splitter, m_table->horizontalHeader(), m_filterBar,
                     m_connectionSplitter, m_sideSplitter});
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

// One file opens it; two are two capture points of the same traffic, merged.
void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    if (paths.size() >= 2)
        openCaptures(paths[0], paths[1]);
    else
        openCapture(paths[0]);
}

} // namespace tcpladder::ui
