#pragma once

#include "loading/load_progress.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace tcpladder::ui {

// The status bar while a capture loads: bytes read of the file, packets and
// connections so far, elapsed time, and a Cancel button.
class LoadProgressWidget : public QWidget {
    Q_OBJECT

public:
    explicit LoadProgressWidget(QWidget* parent = nullptr);

    void begin(const QString& path);
    void update(const LoadProgressInfo& progress);
    void end();

signals:
    void cancelRequested();

private:
    QLabel* m_file = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_counts = nullptr;
    QToolButton* m_cancel = nullptr;
    QElapsedTimer m_elapsed;
};

} // namespace tcpladder::ui
