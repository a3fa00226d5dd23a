#pragma once

#include <QSortFilterProxyModel>

namespace tcpladder::ui {

// Sorts the merged table by raw numbers and hides, on request, the
// connections only one of the two points saw.
class MergedConnectionProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit MergedConnectionProxy(QObject* parent = nullptr);

    void setShowOneSided(bool show);
    bool showsOneSided() const { return m_showOneSided; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_showOneSided = true;
};

} // namespace tcpladder::ui
