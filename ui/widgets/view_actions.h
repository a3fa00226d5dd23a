#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QString>
#include <QWidget>

namespace tcpladder::ui {

// A view's command as an action: its shortcuts work while the view has
// focus, and the view's context menu (Qt::ActionsContextMenu) lists it so
// that it can be discovered.
template <typename Slot>
QAction* addViewAction(QWidget* view, const QString& text, const QList<QKeySequence>& keys,
                       Slot slot) {
    auto* action = new QAction(text, view);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(action, &QAction::triggered, view, slot);
    view->addAction(action);
    return action;
}

inline void addViewSeparator(QWidget* view) {
    auto* action = new QAction(view);
    action->setSeparator(true);
    view->addAction(action);
}

} // namespace tcpladder::ui
