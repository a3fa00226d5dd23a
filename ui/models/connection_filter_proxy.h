#pragma once

#include "models/endpoint_filter.h"

#include <QSortFilterProxyModel>

namespace tcpladder::ui {

class ConnectionTableModel;

// The quick questions of the filter bar; several checked narrow together.
enum class QuickFilter : std::uint8_t {
    None = 0,
    Slow = 1,
    ClientCutShort = 2,
    Trouble = 4, // retransmissions or zero windows
};
Q_DECLARE_FLAGS(QuickFilters, QuickFilter)
Q_DECLARE_OPERATORS_FOR_FLAGS(QuickFilters)

// Filters and sorts the connection table through the source model's typed
// accessors, so that a million rows never go through QVariant to be compared.
class ConnectionFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ConnectionFilterProxy(QObject* parent = nullptr);

    void setConnectionModel(ConnectionTableModel* model);
    void setEndpointFilter(const QString& text);
    void setQuickFilters(QuickFilters filters);
    // The slow rule lives in the source model (it also colours rows); the
    // proxy refilters when "slow only" depends on it.
    void slowRuleChanged();
    QuickFilters quickFilters() const { return m_quick; }
    // Ascending by "#" is the source order: no sort, so a new capture of a
    // million connections appears without a million-row sort on the GUI thread.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // Around every change of what passes, so that a view can keep its
    // selection across rows leaving and coming back.
    void filterAboutToChange();
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    template <typename Change> void refilter(Change change);

    ConnectionTableModel* m_model = nullptr;
    EndpointFilter m_endpoints;
    QuickFilters m_quick;
};

} // namespace tcpladder::ui
