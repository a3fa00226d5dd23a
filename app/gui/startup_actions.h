#pragma once

#include "gui_options.h"

#include <QObject>

namespace tcpladder::ui {
class MainWindow;
}

namespace tcpladder::gui {

// What the command line asked for once the first load ends: select a
// connection, filter, take a screenshot, report the outcome and quit. Used by
// scripts/screenshot and the desktop integration test.
class StartupActions : public QObject {
    Q_OBJECT

public:
    StartupActions(ui::MainWindow* window, GuiOptions options);

private:
    void onLoaded(const QString& path);
    void onMerged(const QString& description);
    void onFailed(const QString& path, const QString& reason);
    void takeScreenshot();
    void report(const QString& line);
    bool quitsAfterLoad() const;

    ui::MainWindow* m_window;
    GuiOptions m_options;
};

} // namespace tcpladder::gui
