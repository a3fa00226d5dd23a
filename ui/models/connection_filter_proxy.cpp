#include "models/connection_filter_proxy.h"

#include "models/connection_table_model.h"

namespace tcpladder::ui {

ConnectionFilterProxy::ConnectionFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(ConnectionTableModel::SortRole);
}

void ConnectionFilterProxy::setConnectionModel(ConnectionTableModel* model) {
    m_model = model;
    setSourceModel(model);
}

template <typename Change> void ConnectionFilterProxy::refilter(Change change) {
    emit filterAboutToChange();
    change();
    invalidateRowsFilter();
    emit filterChanged();
}

void ConnectionFilterProxy::setEndpointFilter(const QString& text) {
    refilter([&] { m_endpoints = EndpointFilter(text); });
}

void ConnectionFilterProxy::setQuickFilters(QuickFilters filters) {
    if (filters == m_quick)
        return;
    refilter([&] { m_quick = filters; });
}

void ConnectionFilterProxy::slowRuleChanged() {
    if (m_quick.testFlag(QuickFilter::Slow))
        refilter([] {});
}

void ConnectionFilterProxy::sort(int column, Qt::SortOrder order) {
    const bool sourceOrder =
        column == ConnectionTableModel::IdColumn && order == Qt::AscendingOrder;
    QSortFilterProxyModel::sort(sourceOrder ? -1 : column, order);
}

bool ConnectionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    if (!m_model)
        return true;
    const ConnectionFacts& facts = m_model->facts(sourceRow);
    if (m_quick.testFlag(QuickFilter::Slow) && !m_model->slowRule().isSlow(facts))
        return false;
    if (m_quick.testFlag(QuickFilter::ClientCutShort) && !facts.clientCutShort())
        return false;
    if (m_quick.testFlag(QuickFilter::Trouble) && facts.summary.retransmissions == 0 &&
        facts.summary.zeroWindows == 0)
        return false;
    return m_endpoints.isEmpty() || m_endpoints.matches(m_model->connection(sourceRow),
                                                        m_model->applicationSearchText(sourceRow));
}

bool ConnectionFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_model->lessThan(left.row(), right.row(), left.column());
}

} // namespace tcpladder::ui
