#include "startup_actions.h"

#include "main_window.h"
#include "table/connection_table_view.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QTimer>
#include <cstdio>

namespace tcpladder::gui {
namespace {

// Long enough for layouts and the first paint to settle under Xvfb.
constexpr int kSettleBeforeScreenshotMs = 400;

} // namespace

StartupActions::StartupActions(ui::MainWindow* window, GuiOptions options)
    : QObject(window), m_window(window), m_options(std::move(options)) {
    connect(window, &ui::MainWindow::captureLoaded, this, &StartupActions::onLoaded);
    connect(window, &ui::MainWindow::loadFailed, this, &StartupActions::onFailed);
}

bool StartupActions::quitsAfterLoad() const {
    return !m_options.screenshot.isEmpty() || !m_options.reportFile.isEmpty();
}

void StartupActions::onLoaded(const QString& path) {
    if (auto* text = m_window->findChild<QLineEdit*>(QStringLiteral("filterText"));
        text && !m_options.filterText.isEmpty()) {
        text->setText(m_options.filterText);
        emit text->returnPressed();
    }
    if (m_options.selectConnection)
        m_window->connectionTable()->selectConnection(*m_options.selectConnection);
    if (!m_options.reportFile.isEmpty())
        report(QStringLiteral("loaded %1").arg(path));
    if (!m_options.screenshot.isEmpty())
        QTimer::singleShot(kSettleBeforeScreenshotMs, this, &StartupActions::takeScreenshot);
    else if (quitsAfterLoad())
        QTimer::singleShot(0, qApp, &QApplication::quit);
}

void StartupActions::onFailed(const QString& path, const QString& reason) {
    if (!quitsAfterLoad())
        return;
    std::fprintf(stderr, "tcpladder: %s\n", qPrintable(reason));
    if (!m_options.reportFile.isEmpty())
        report(QStringLiteral("failed %1: %2").arg(path, reason));
    QTimer::singleShot(0, qApp, [] { QApplication::exit(1); });
}

void StartupActions::takeScreenshot() {
    if (!m_window->grab().save(m_options.screenshot, "PNG")) {
        std::fprintf(stderr, "tcpladder: cannot write %s\n", qPrintable(m_options.screenshot));
        QApplication::exit(1);
        return;
    }
    QApplication::quit();
}

void StartupActions::report(const QString& line) {
    QFile file(m_options.reportFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        file.write((line + QChar('\n')).toUtf8());
    else
        std::fprintf(stderr, "tcpladder: cannot write %s\n", qPrintable(m_options.reportFile));
}

} // namespace tcpladder::gui
