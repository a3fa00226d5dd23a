#include "window/recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace tcpladder::ui {
namespace {

const QString kKey = QStringLiteral("recentFiles");

} // namespace

QStringList RecentFiles::files() const {
    const QStringList stored = QSettings().value(kKey).toStringList();
    QStringList existing;
    for (const QString& path : stored) {
        if (QFileInfo(path).isFile())
            existing << path;
    }
    if (existing.size() != stored.size())
        store(existing);
    return existing;
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxEntries)
        list.removeLast();
    store(list);
}

void RecentFiles::clear() {
    store({});
}

void RecentFiles::store(const QStringList& files) {
    QSettings().setValue(kKey, files);
}

RecentFilesMenu::RecentFilesMenu(QWidget* parent) : QMenu(tr("Open &Recent"), parent) {
    setObjectName(QStringLiteral("recentFilesMenu"));
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    rebuild();
}

void RecentFilesMenu::rebuild() {
    clear();
    const QStringList files = RecentFiles().files();
    for (int i = 0; i < files.size(); ++i) {
        const QFileInfo info(files[i]);
        const QString shortcut = i < 9 ? QStringLiteral("&%1 ").arg(i + 1) : QStringLiteral("1&0 ");
        QAction* action = addAction(shortcut + info.fileName() + QStringLiteral("   ") +
                                    QDir::toNativeSeparators(info.path()));
        const QString path = files[i];
        connect(action, &QAction::triggered, this, [this, path] { emit fileChosen(path); });
    }
    if (files.isEmpty()) {
        addAction(tr("No recent captures"))->setEnabled(false);
        return;
    }
    addSeparator();
    connect(addAction(tr("&Clear Menu")), &QAction::triggered, this, [] { RecentFiles().clear(); });
}

} // namespace tcpladder::ui
