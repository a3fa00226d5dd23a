#pragma once

#include <QLabel>
#include <QStringList>

namespace tcpladder::ui {

// The open capture's load warnings (damage, unsupported link types) in the
// status bar: the first one in full, all of them in the tooltip.
class WarningIndicator : public QLabel {
    Q_OBJECT

public:
    explicit WarningIndicator(QWidget* parent = nullptr);
    void setWarnings(const QStringList& warnings);
    const QStringList& warnings() const { return m_warnings; }

private:
    QStringList m_warnings;
};

} // namespace tcpladder::ui
