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
    QSplitter* connectionSplitter; // ladder | chart and details
    QSplitter* sideSplitter;       // chart / details
};

// False when nothing was saved yet: then call applyDefaultSplitSizes() once
// the window has its real size (sizes from size hints squeeze the ladder).
bool restoreWindowState(const WindowStateParts& parts);
void applyDefaultSplitSizes(const WindowStateParts& parts);
void saveWindowState(const WindowStateParts& parts);

} // namespace tcpladder::ui
