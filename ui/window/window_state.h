#pragma once

class QHeaderView;
class QMainWindow;
class QSplitter;

namespace tcpladder::ui {

class FilterBar;

// What a person arranged stays arranged: window geometry, splitter sizes,
// column widths and order, and the slow threshold, in QSettings.
struct WindowStateParts {
    QMainWindow* window;
    QSplitter* splitter;
    QHeaderView* header;
    FilterBar* filterBar;
};

void restoreWindowState(const WindowStateParts& parts);
void saveWindowState(const WindowStateParts& parts);

} // namespace tcpladder::ui
