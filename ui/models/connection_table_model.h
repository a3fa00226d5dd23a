#pragma once

#include "loading/capture_snapshot.h"
#include "models/slow_rule.h"

#include <QAbstractTableModel>

namespace tcpladder::ui {

// One row per connection of a capture snapshot; row == connection id. Only
// formats: every number comes precomputed in the snapshot.
class ConnectionTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        ClientColumn,
        ServerColumn,
        StartColumn,
        DurationColumn,
        PacketsColumn,
        BytesToServerColumn,
        BytesToClientColumn,
        HandshakeRttColumn,
        FirstByteColumn,
        RetransmissionsColumn,
        StateColumn,
        ClosedByColumn,
        ApplicationColumn,
        ColumnCount
    };

    enum Role {
        SortRole = Qt::UserRole + 1, // raw numbers (qint64) or a byte key, never display text
        ConnectionIdRole,
        SlowRole,
    };

    explicit ConnectionTableModel(QObject* parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    const SnapshotPtr& snapshot() const { return m_snapshot; }
    void setSlowRule(const SlowRule& rule);
    const SlowRule& slowRule() const { return m_slowRule; }

    const Connection& connection(int row) const;
    const ConnectionFacts& facts(int row) const;
    bool isSlow(int row) const { return m_slowRule.isSlow(facts(row)); }
    // The Application column's text, and what the filter box searches (lower case).
    const QString& applicationText(int row) const;
    const QString& applicationSearchText(int row) const;
    // The proxy's fast path: the same order as SortRole, without QVariants.
    bool lessThan(int left, int right, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(int row, int column) const;
    QVariant toolTip(int row, int column) const;
    QVariant sortValue(int row, int column) const;
    qint64 numericKey(int row, int column) const;
    QVariant emphasis(int row, int column, int role) const;
    void formatApplications();

    SnapshotPtr m_snapshot;
    SlowRule m_slowRule;
    // Formatted once per snapshot (and rule), so sorting and filtering
    // compare strings instead of formatting them per comparison.
    std::vector<QString> m_applicationTexts;
    std::vector<QString> m_applicationSearch;
};

} // namespace tcpladder::ui
