#include "window/window_state.h"

#include "table/filter_bar.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

namespace tcpladder::ui {
namespace {

constexpr TimeNs kNsPerMs = 1'000'000;

void defaultGeometry(QMainWindow* window) {
    const QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    const QSize available = screen ? screen->availableSize() : QSize(1366, 768);
    window->resize(std::min(available.width(), 1500), std::min(available.height(), 950));
}

} // namespace

void restoreWindowState(const WindowStateParts& parts) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    if (!parts.window->restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        defaultGeometry(parts.window);
    if (!parts.splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray())) {
        const int height = parts.window->height();
        parts.splitter->setSizes({height * 3 / 5, height * 2 / 5});
    }
    parts.header->restoreState(settings.value(QStringLiteral("columns")).toByteArray());
    settings.endGroup();
    const qint64 thresholdMs =
        settings.value(QStringLiteral("filter/slowThresholdMs"), 0).toLongLong();
    SlowRule rule;
    if (thresholdMs > 0)
        rule.fixedThreshold = thresholdMs * kNsPerMs;
    parts.filterBar->setSlowRule(rule);
}

void saveWindowState(const WindowStateParts& parts) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), parts.window->saveGeometry());
    settings.setValue(QStringLiteral("splitter"), parts.splitter->saveState());
    settings.setValue(QStringLiteral("columns"), parts.header->saveState());
    settings.endGroup();
    const SlowRule rule = parts.filterBar->slowRule();
    settings.setValue(QStringLiteral("filter/slowThresholdMs"),
                      qint64{rule.fixedThreshold ? *rule.fixedThreshold / kNsPerMs : 0});
}

} // namespace tcpladder::ui
