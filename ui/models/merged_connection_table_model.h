#pragma once

#include "merged/merged_ptr.h"

#include <QAbstractTableModel>
#include <memory>

namespace tcpladder::ui {

// One row per merged connection of two capture points; row == merged id
// index. Only formats what the merge computed. Directions are named by the
// client: "→" from client to server, "←" back.
class MergedConnectionTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        ClientColumn,
        ServerColumn,
        SeenColumn,
        PacketsColumn,
        LostToServerColumn,
        LostToClientColumn,
        DelayToServerColumn,
        DelayToClientColumn,
        ColumnCount
    };

    enum Role {
        SortRole = Qt::UserRole + 1, // raw numbers (qint64), never display text
        BothSidesRole,
        MergedIndexRole,
    };

    explicit MergedConnectionTableModel(QObject* parent = nullptr);

    void setMerged(MergedPtr merged);
    const MergedPtr& merged() const { return m_merged; }
    const MergedConnection& connection(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(int row, int column) const;
    qint64 sortKey(int row, int column) const;
    Side clientSide(int row) const;

    MergedPtr m_merged;
};

} // namespace tcpladder::ui
