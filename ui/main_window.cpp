#include "main_window.h"

#include "format/qt_text.h"
#include "loading/capture_load_job.h"
#include "models/connection_filter_proxy.h"
#include "models/connection_table_model.h"
#include "table/connection_table_view.h"
#include "table/filter_bar.h"
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
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tcpladder::ui {
namespace {

QString firstLocalFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    m_loadJob = new CaptureLoadJob(this);
    m_model = new ConnectionTableModel(this);
    m_proxy = new ConnectionFilterProxy(this);
    m_proxy->setConnectionModel(m_model);

    setCentralWidget(createCentralArea());
    createMenus();
    createStatusBar();
    connectLoading();
    connectFiltering();
    restoreWindowState({this, m_splitter, m_table->horizontalHeader(), m_filterBar});
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
    m_connectionPanel = new ConnectionSummaryPanel(m_splitter);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_connectionPanel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_table, &ConnectionTableView::currentConnectionChanged, m_connectionPanel,
            &ConnectionSummaryPanel::setConnection);
    connect(m_table, &ConnectionTableView::currentConnectionChanged, this,
            &MainWindow::currentConnectionChanged);
    return central;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    auto* recent = new RecentFilesMenu(this);
    connect(recent, &RecentFilesMenu::fileChosen, this, &MainWindow::openCapture);
    file->addMenu(recent);
    m_reloadAction = file->addAction(tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    m_reloadAction->setShortcuts({QKeySequence::Refresh, QKeySequence(tr("Ctrl+R"))});
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions(m_table->actions());
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
    m_loadJob->start(path);
}

void MainWindow::reload() {
    if (m_snapshot)
        openCapture(toQString(m_snapshot->capture->path));
}

void MainWindow::cancelLoad() {
    m_loadJob->cancel();
}

bool MainWindow::isLoading() const {
    return m_loadJob->isRunning();
}

void MainWindow::setLoading(bool loading) {
    m_cancelAction->setEnabled(loading);
    if (!loading)
        m_progress->end();
}

void MainWindow::showOpenDialog() {
    const QString start =
        m_snapshot ? QFileInfo(toQString(m_snapshot->capture->path)).path() : QString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Capture"), start,
        tr("Captures (*.pcap *.pcapng *.cap *.dmp *.pcap.gz);;All files (*)"));
    if (!path.isEmpty())
        openCapture(path);
}

void MainWindow::adoptSnapshot(const SnapshotPtr& snapshot) {
    const int previous = m_table->currentConnection();
    const bool sameFile = m_snapshot && snapshot->capture->path == m_snapshot->capture->path;
    m_snapshot = snapshot;
    m_connectionPanel->setSnapshot(snapshot);
    m_model->setSnapshot(snapshot);
    m_summaryLine->setSnapshot(snapshot);
    QStringList warnings;
    for (const std::string& warning : snapshot->capture->warnings)
        warnings << toQString(warning);
    m_warnings->setWarnings(warnings);
    const QString path = toQString(snapshot->capture->path);
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
    box->setInformativeText(reason);
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
    const QString path = toQString(m_snapshot->capture->path);
    setWindowFilePath(path);
    setWindowTitle(tr("%1 — tcpladder").arg(QFileInfo(path).fileName()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_loadJob->cancel();
    saveWindowState({this, m_splitter, m_table->horizontalHeader(), m_filterBar});
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!firstLocalFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = firstLocalFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openCapture(path);
}

} // namespace tcpladder::ui
