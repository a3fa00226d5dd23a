#pragma once

#include "loading/capture_snapshot.h"
#include "models/slow_rule.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QGridLayout;
class QLabel;
class QStackedWidget;

namespace tcpladder::ui {

// Everything the table knows about the current connection, in words and
// with exact values: endpoints, how it ended, timing, traffic.
class ConnectionSummaryPanel : public QWidget {
    Q_OBJECT

public:
    explicit ConnectionSummaryPanel(QWidget* parent = nullptr);

    void setSnapshot(const SnapshotPtr& snapshot);
    void setSlowRule(const SlowRule& rule);
    void setConnection(int connectionId);
    int connection() const { return m_connection; }
    // The value shown for a field, e.g. "state"; for tests and accessibility.
    QString fieldText(const QString& field) const;

private:
    QFormLayout* addGroup(QGridLayout* grid, int column, const QString& title);
    void addField(QFormLayout* form, const QString& field, const QString& label);
    void setField(const QString& field, const QString& text, const QString& toolTip = {});
    void refresh();

    SnapshotPtr m_snapshot;
    SlowRule m_slowRule;
    int m_connection = -1;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_title = nullptr;
    QHash<QString, QLabel*> m_fields;
};

} // namespace tcpladder::ui
