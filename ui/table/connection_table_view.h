#pragma once

#include <QTableView>
#include <vector>

namespace tcpladder::ui {

class ConnectionFilterProxy;

// The connection table: fixed row height (a million rows scroll like ten),
// copy as TSV or as a Wireshark filter, and one current connection that
// survives sorting and filtering.
class ConnectionTableView : public QTableView {
    Q_OBJECT

public:
    static constexpr int kNoConnection = -1;

    explicit ConnectionTableView(QWidget* parent = nullptr);

    void setProxy(ConnectionFilterProxy* proxy);
    int currentConnection() const { return m_current; }
    // Selects the connection's row and makes it current; false when filtered out.
    bool selectConnection(int connectionId);
    // In the order shown.
    QList<int> selectedConnections() const;
    void copyRows() const;
    void copyFilter() const;

signals:
    void currentConnectionChanged(int connectionId);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    int connectionAt(int proxyRow) const;
    QModelIndex rowOf(int connectionId) const;
    QList<int> selectedProxyRows() const;
    void setDefaultColumnWidths();
    void widenNumericColumns();
    void onCurrentRowChanged(const QModelIndex& current);
    void rememberSelection();
    void restoreSelection();
    void forgetConnection();

    ConnectionFilterProxy* m_proxy = nullptr;
    int m_current = kNoConnection;
    std::vector<int> m_remembered;
    // Selected, then filtered out: selected again when a filter lets them back.
    std::vector<int> m_hiddenSelected;
    bool m_restoring = false;
};

} // namespace tcpladder::ui
