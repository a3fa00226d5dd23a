#include "table/connection_table_view.h"

#include "models/connection_filter_proxy.h"
#include "models/connection_table_model.h"
#include "table/table_copy.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>
#include <algorithm>

namespace tcpladder::ui {
namespace {

// Rows measured when a new capture may need wider number columns.
constexpr int kRowsMeasured = 200;

} // namespace

ConnectionTableView::ConnectionTableView(QWidget* parent) : QTableView(parent) {
    setObjectName(QStringLiteral("connectionTable"));
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    setSortingEnabled(true);
    setHorizontalScrollMode(ScrollPerPixel);
    verticalHeader()->hide();
    // A fixed height lets the header skip measuring rows, which is what keeps
    // a million of them scrolling smoothly.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setResizeContentsPrecision(kRowsMeasured);

    auto* copy = new QAction(tr("&Copy Rows"), this);
    copy->setObjectName(QStringLiteral("copyRowsAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ConnectionTableView::copyRows);
    addAction(copy);
    auto* filter = new QAction(tr("Copy as &Filter"), this);
    filter->setObjectName(QStringLiteral("copyFilterAction"));
    connect(filter, &QAction::triggered, this, &ConnectionTableView::copyFilter);
    addAction(filter);
}

void ConnectionTableView::setProxy(ConnectionFilterProxy* proxy) {
    m_proxy = proxy;
    setModel(proxy);
    sortByColumn(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    setDefaultColumnWidths();
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentRowChanged(current); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_restoring)
            m_hiddenSelected.clear();
    });
    connect(proxy, &ConnectionFilterProxy::filterAboutToChange, this,
            &ConnectionTableView::rememberSelection);
    connect(proxy, &ConnectionFilterProxy::filterChanged, this,
            &ConnectionTableView::restoreSelection);
    connect(proxy, &QAbstractItemModel::modelReset, this, &ConnectionTableView::forgetConnection);
    connect(proxy, &QAbstractItemModel::modelReset, this,
            &ConnectionTableView::widenNumericColumns);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (currentIndex().isValid())
            scrollTo(currentIndex());
    });
}

void ConnectionTableView::setDefaultColumnWidths() {
    const QFontMetrics metrics = fontMetrics();
    const auto width = [&](const char* sample) {
        return metrics.horizontalAdvance(QString::fromUtf8(sample)) + 24;
    };
    using M = ConnectionTableModel;
    const std::pair<int, const char*> widths[] = {
        {M::IdColumn, "99999"},
        {M::ClientColumn, "192.168.100.200:65535"},
        {M::ServerColumn, "192.168.100.200:65535"},
        {M::StartColumn, "1234.567 s"},
        {M::DurationColumn, "59 min 59 s"},
        {M::PacketsColumn, "12,345 / 12,345"},
        {M::BytesToServerColumn, "999 MB"},
        {M::BytesToClientColumn, "999 MB"},
        {M::HandshakeRttColumn, "Handshake"},
        {M::FirstByteColumn, "First byte"},
        {M::RetransmissionsColumn, "Retrans."},
        {M::StateColumn, "RSTOS0"},
        {M::ClosedByColumn, "client RST"},
        {M::ApplicationColumn, "HTTP · 3 requests · slow: GET /api/orders → 200 after 1.04"},
    };
    for (const auto& [column, sample] : widths)
        horizontalHeader()->resizeSection(column, width(sample));
    // What was asked belongs beside whom it was asked of.
    horizontalHeader()->moveSection(horizontalHeader()->visualIndex(M::ApplicationColumn),
                                    M::ServerColumn + 1);
}

// Numbers cut in the middle mislead, so a new capture may widen a number
// column to its sampled contents; it never narrows what the reader chose.
void ConnectionTableView::widenNumericColumns() {
    using M = ConnectionTableModel;
    for (int column : {M::StartColumn, M::DurationColumn, M::PacketsColumn, M::BytesToServerColumn,
                       M::BytesToClientColumn, M::HandshakeRttColumn, M::FirstByteColumn,
                       M::RetransmissionsColumn}) {
        const int needed = sizeHintForColumn(column);
        if (needed > horizontalHeader()->sectionSize(column))
            horizontalHeader()->resizeSection(column, needed);
    }
}

int ConnectionTableView::connectionAt(int proxyRow) const {
    return m_proxy->index(proxyRow, 0).data(ConnectionTableModel::ConnectionIdRole).toInt();
}

QModelIndex ConnectionTableView::rowOf(int connectionId) const {
    if (!m_proxy || !m_proxy->sourceModel() || connectionId < 0 ||
        connectionId >= m_proxy->sourceModel()->rowCount())
        return {};
    return m_proxy->mapFromSource(m_proxy->sourceModel()->index(connectionId, 0));
}

bool ConnectionTableView::selectConnection(int connectionId) {
    const QModelIndex index = rowOf(connectionId);
    if (!index.isValid())
        return false;
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index, PositionAtCenter);
    return true;
}

QList<int> ConnectionTableView::selectedProxyRows() const {
    QList<int> rows;
    if (!selectionModel())
        return rows;
    for (const QItemSelectionRange& range : selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows << row;
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QList<int> ConnectionTableView::selectedConnections() const {
    QList<int> ids;
    for (int row : selectedProxyRows())
        ids << connectionAt(row);
    return ids;
}

void ConnectionTableView::copyRows() const {
    const QList<int> rows = selectedProxyRows();
    if (rows.isEmpty())
        return;
    QList<int> columns;
    for (int visual = 0; visual < horizontalHeader()->count(); ++visual) {
        const int logical = horizontalHeader()->logicalIndex(visual);
        if (!horizontalHeader()->isSectionHidden(logical))
            columns << logical;
    }
    QApplication::clipboard()->setText(rowsAsTsv(*m_proxy, rows, columns));
}

void ConnectionTableView::copyFilter() const {
    const QList<int> ids = selectedConnections();
    if (!ids.isEmpty())
        QApplication::clipboard()->setText(wiresharkFilter(ids));
}

void ConnectionTableView::contextMenuEvent(QContextMenuEvent* event) {
    const QModelIndex index = indexAt(viewport()->mapFromGlobal(event->globalPos()));
    if (!index.isValid())
        return;
    if (!selectionModel()->isRowSelected(index.row(), {}))
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

void ConnectionTableView::onCurrentRowChanged(const QModelIndex& current) {
    if (m_restoring || !current.isValid())
        return;
    const int id = current.data(ConnectionTableModel::ConnectionIdRole).toInt();
    if (id == m_current)
        return;
    m_current = id;
    emit currentConnectionChanged(id);
}

void ConnectionTableView::rememberSelection() {
    m_restoring = true;
    const QList<int> ids = selectedConnections();
    m_remembered.assign(ids.begin(), ids.end());
    m_remembered.insert(m_remembered.end(), m_hiddenSelected.begin(), m_hiddenSelected.end());
}

void ConnectionTableView::restoreSelection() {
    std::vector<int> rows;
    rows.reserve(m_remembered.size());
    m_hiddenSelected.clear();
    for (int id : m_remembered) {
        if (const QModelIndex index = rowOf(id); index.isValid())
            rows.push_back(index.row());
        else
            m_hiddenSelected.push_back(id);
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (std::size_t begin = 0; begin < rows.size();) {
        std::size_t end = begin + 1;
        while (end < rows.size() && rows[end] == rows[end - 1] + 1)
            ++end;
        selection.select(m_proxy->index(rows[begin], 0), m_proxy->index(rows[end - 1], lastColumn));
        begin = end;
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const QModelIndex current = rowOf(m_current);
    selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_restoring = false;
    if (current.isValid())
        scrollTo(current);
}

void ConnectionTableView::forgetConnection() {
    m_remembered.clear();
    m_hiddenSelected.clear();
    if (m_current == kNoConnection)
        return;
    m_current = kNoConnection;
    emit currentConnectionChanged(kNoConnection);
}

} // namespace tcpladder::ui
