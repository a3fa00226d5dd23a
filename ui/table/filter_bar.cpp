#include "table/filter_bar.h"

#include "format/units.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>

namespace tcpladder::ui {
namespace {

// Long enough to skip refiltering a million rows on every keystroke.
constexpr int kSettleMs = 200;
constexpr int kMaxThresholdMs = 600'000;
constexpr TimeNs kNsPerMs = 1'000'000;

} // namespace

FilterBar::FilterBar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("filterText"));
    m_text->setPlaceholderText(
        tr("Filter by address or port:  10.0.0.5   :443   [2001:db8::1]:443"));
    m_text->setToolTip(tr("Whitespace-separated terms, each matching the client or the server: an "
                          "address, :port, address:port, [IPv6]:port, or part of one (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    // Wide enough for an IPv6 endpoint or two, not the whole of a wide screen.
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    m_text->setMinimumWidth(charWidth * 28);
    m_text->setMaximumWidth(charWidth * 90);
    layout->addWidget(m_text, 1);

    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_text, &QLineEdit::textChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_settle, &QTimer::timeout, this, [this] { emit textChanged(m_text->text()); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        m_settle->stop();
        emit textChanged(m_text->text());
    });

    m_slow = addToggle(QStringLiteral("slowToggle"), tr("Slow"), QString());
    layout->addWidget(m_slow);
    m_threshold = new QSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("slowThreshold"));
    m_threshold->setRange(0, kMaxThresholdMs);
    m_threshold->setSingleStep(50);
    m_threshold->setSuffix(tr(" ms"));
    m_threshold->setSpecialValueText(tr("auto: 3× median"));
    m_threshold->setAccelerated(true);
    layout->addWidget(m_threshold);
    connect(m_threshold, &QSpinBox::valueChanged, this, [this] {
        updateSlowToolTips();
        emit slowRuleChanged(slowRule());
    });

    m_cutShort = addToggle(QStringLiteral("cutShortToggle"), tr("Cut short by client"),
                           tr("Connections the client reset (RST), or closed with a FIN while the "
                              "server was still sending or had not answered yet"));
    layout->addWidget(m_cutShort);
    m_trouble = addToggle(QStringLiteral("troubleToggle"), tr("Retransmissions / zero window"),
                          tr("Connections with retransmitted segments or a zero receive window"));
    layout->addWidget(m_trouble);

    layout->addStretch(0);
    m_matches = new QLabel(this);
    m_matches->setObjectName(QStringLiteral("matchCount"));
    m_matches->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("999,999 of 999,999")));
    m_matches->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_matches);
    updateSlowToolTips();
}

QToolButton* FilterBar::addToggle(const QString& objectName, const QString& text,
                                  const QString& toolTip) {
    auto* button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(false);
    connect(button, &QToolButton::toggled, this,
            [this] { emit quickFiltersChanged(quickFilters()); });
    return button;
}

QString FilterBar::text() const {
    return m_text->text();
}

QuickFilters FilterBar::quickFilters() const {
    QuickFilters filters;
    filters.setFlag(QuickFilter::Slow, m_slow->isChecked());
    filters.setFlag(QuickFilter::ClientCutShort, m_cutShort->isChecked());
    filters.setFlag(QuickFilter::Trouble, m_trouble->isChecked());
    return filters;
}

SlowRule FilterBar::slowRule() const {
    SlowRule rule;
    if (m_threshold->value() > 0)
        rule.fixedThreshold = TimeNs{m_threshold->value()} * kNsPerMs;
    return rule;
}

void FilterBar::setSlowRule(const SlowRule& rule) {
    m_threshold->setValue(
        rule.fixedThreshold
            ? static_cast<int>(std::min<TimeNs>(*rule.fixedThreshold / kNsPerMs, kMaxThresholdMs))
            : 0);
}

void FilterBar::updateSlowToolTips() {
    const QString rule = slowRuleDescription(slowRule());
    m_slow->setToolTip(tr("Show only slow connections (highlighted in every view).\n") + rule);
    m_threshold->setToolTip(rule + tr("\nSet a number of milliseconds for one fixed threshold; "
                                      "0 goes back to the relative rule."));
}

void FilterBar::setMatchCount(int shown, int total) {
    m_matches->setText(shown == total ? tr("%1 connections").arg(formatCount(total))
                                      : tr("%1 of %2").arg(formatCount(shown), formatCount(total)));
}

void FilterBar::focusText() {
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

} // namespace tcpladder::ui
