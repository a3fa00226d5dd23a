#include "models/merged_connection_proxy.h"

#include "models/merged_connection_table_model.h"

namespace tcpladder::ui {

MergedConnectionProxy::MergedConnectionProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(MergedConnectionTableModel::SortRole);
}

void MergedConnectionProxy::setShowOneSided(bool show) {
    if (show == m_showOneSided)
        return;
    m_showOneSided = show;
    invalidateRowsFilter();
}

bool MergedConnectionProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_showOneSided)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(MergedConnectionTableModel::BothSidesRole).toBool();
}

} // namespace tcpladder::ui
