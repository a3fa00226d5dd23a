#pragma once

#include "models/connection_filter_proxy.h"
#include "models/slow_rule.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QToolButton;

namespace tcpladder::ui {

// Free text for addresses and ports, and one toggle per common question:
// slow, cut short by the client, retransmissions or zero windows.
class FilterBar : public QWidget {
    Q_OBJECT

public:
    explicit FilterBar(QWidget* parent = nullptr);

    QString text() const;
    QuickFilters quickFilters() const;
    SlowRule slowRule() const;
    void setSlowRule(const SlowRule& rule);
    void setMatchCount(int shown, int total);
    void focusText();

signals:
    // Typing settles for a moment before this fires; Enter fires at once.
    void textChanged(const QString& text);
    void quickFiltersChanged(tcpladder::ui::QuickFilters filters);
    void slowRuleChanged(const tcpladder::SlowRule& rule);

private:
    QToolButton* addToggle(const QString& objectName, const QString& text, const QString& toolTip);
    void updateSlowToolTips();

    QLineEdit* m_text = nullptr;
    QTimer* m_settle = nullptr;
    QToolButton* m_slow = nullptr;
    QSpinBox* m_threshold = nullptr;
    QToolButton* m_cutShort = nullptr;
    QToolButton* m_trouble = nullptr;
    QLabel* m_matches = nullptr;
};

} // namespace tcpladder::ui
