#include "widgets/warning_indicator.h"

namespace tcpladder::ui {

WarningIndicator::WarningIndicator(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("warningIndicator"));
    setTextFormat(Qt::PlainText);
    hide();
}

void WarningIndicator::setWarnings(const QStringList& warnings) {
    m_warnings = warnings;
    setVisible(!warnings.isEmpty());
    if (warnings.isEmpty()) {
        clear();
        setToolTip({});
        return;
    }
    const QString more =
        warnings.size() > 1 ? tr(" (and %1 more)").arg(warnings.size() - 1) : QString();
    setText(tr("⚠ Warning: %1%2").arg(warnings.front(), more));
    setToolTip(warnings.join(QChar('\n')));
}

} // namespace tcpladder::ui
