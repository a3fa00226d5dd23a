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

bool restoreWindowState(const WindowStateParts& parts) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    const bool saved = settings.contains(QStringLiteral("connectionSplitter"));
    if (!parts.window->restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        defaultGeometry(parts.window);
    parts.splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    parts.connectionSplitter->restoreState(
        settings.value(QStringLiteral("connectionSplitter")).toByteArray());
    parts.sideSplitter->restoreState(settings.value(QStringLiteral("sideSplitter")).toByteArray());
    parts.header->restoreState(settings.value(QStringLiteral("columns")).toByteArray());
    settings.endGroup();
    const qint64 thresholdMs =
        settings.value(QStringLiteral("filter/slowThresholdMs"), 0).toLongLong();
    SlowRule rule;
    if (thresholdMs > 0)
        rule.fixedThreshold = thresholdMs * kNsPerMs;
    parts.filterBar->setSlowRule(rule);
    return saved;
}

void applyDefaultSplitSizes(const WindowStateParts& parts) {
    // Table a third, the connection below; the ladder wide enough for its
    // labels and side notes (about 870 px at 1366), the chart most of the
    // right column's height.
    const int height = parts.splitter->height();
    parts.splitter->setSizes({height * 3 / 10, height * 7 / 10});
    const int width = parts.connectionSplitter->width();
    parts.connectionSplitter->setSizes({width * 16 / 25, width * 9 / 25});
    const int side = parts.sideSplitter->height();
    parts.sideSplitter->setSizes({side * 7 / 10, side * 3 / 10});
}

void saveWindowState(const WindowStateParts& parts) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), parts.window->saveGeometry());
    settings.setValue(QStringLiteral("splitter"), parts.splitter->saveState());
    settings.setValue(QStringLiteral("connectionSplitter"), parts.connectionSplitter->saveState());
    settings.setValue(QStringLiteral("sideSplitter"), parts.sideSplitter->saveState());
    settings.setValue(QStringLiteral("columns"), parts.header->saveState());
    settings.endGroup();
    const SlowRule rule = parts.filterBar->slowRule();
    settings.setValue(QStringLiteral("filter/slowThresholdMs"),
                      qint64{rule.fixedThreshold ? *rule.fixedThreshold / kNsPerMs : 0});
}

} // namespace tcpladder::ui
