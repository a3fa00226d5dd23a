#pragma once

#include <QMenu>
#include <QStringList>

namespace tcpladder::ui {

// The last opened captures, newest first, kept in QSettings. Files that no
// longer exist are dropped whenever the list is read.
class RecentFiles {
public:
    static constexpr int kMaxEntries = 10;

    QStringList files() const;
    void add(const QString& path);
    void clear();

private:
    static void store(const QStringList& files);
};

// File > Open Recent: rebuilt from RecentFiles each time it opens.
class RecentFilesMenu : public QMenu {
    Q_OBJECT

public:
    explicit RecentFilesMenu(QWidget* parent = nullptr);

signals:
    void fileChosen(const QString& path);

private:
    void rebuild();
};

} // namespace tcpladder::ui
