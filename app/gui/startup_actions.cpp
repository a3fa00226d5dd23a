#include "startup_actions.h"

#include "format/file_path.h"
#include "format/output_file.h"
#include "main_window.h"
#include "merged/two_point_view.h"
#include "table/connection_table_view.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QStatusBar>
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
    connect(window, &ui::MainWindow::capturesMerged, this, &StartupActions::onMerged);
}

void StartupActions::onMerged(const QString& description) {
    ui::TwoPointView* view = m_window->twoPointView();
    if (m_options.connection && view->merged() &&
        *m_options.connection < view->merged()->connections.size())
        view->selectConnection(static_cast<int>(*m_options.connection));
    if (!m_options.reportFile.isEmpty())
        report(QStringLiteral("merged %1").arg(description));
    if (!m_options.screenshot.isEmpty())
        QTimer::singleShot(kSettleBeforeScreenshotMs, this, &StartupActions::takeScreenshot);
    else if (quitsAfterLoad())
        QTimer::singleShot(0, qApp, &QApplication::quit);
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
    if (m_options.connection) {
        const std::size_t count = m_window->snapshot()->capture->connections.size();
        if (*m_options.connection >= count) {
            // As the CLI and the exports: a connection that is not there is exit status 2.
            const QString reason = QStringLiteral("%1 has no connection %2 (it has %3)")
                                       .arg(path)
                                       .arg(*m_options.connection)
                                       .arg(count);
            if (!quitsAfterLoad()) {
                m_window->statusBar()->showMessage(reason, 10000);
            } else {
                std::fprintf(stderr, "tcpladder: %s\n", ui::pathToBytes(reason).c_str());
                if (!m_options.reportFile.isEmpty())
                    report(QStringLiteral("failed %1").arg(reason));
                QTimer::singleShot(0, qApp, [] { QApplication::exit(2); });
                return;
            }
        }
        m_window->connectionTable()->selectConnection(static_cast<int>(*m_options.connection));
    }
    if (!m_options.reportFile.isEmpty())
        report(QStringLiteral("loaded %1").arg(path));
    if (!m_options.screenshot.isEmpty())
        QTimer::singleShot(kSettleBeforeScreenshotMs, this, &StartupActions::takeScreenshot);
    else if (quitsAfterLoad())
        QTimer::singleShot(0, qApp, &QApplication::quit);
}

void StartupActions::onFailed(const QString&, const QString& reason) {
    if (!quitsAfterLoad())
        return;
    // The reason already names the file.
    std::fprintf(stderr, "tcpladder: %s\n", ui::pathToBytes(reason).c_str());
    if (!m_options.reportFile.isEmpty())
        report(QStringLiteral("failed %1").arg(reason));
    QTimer::singleShot(0, qApp, [] { QApplication::exit(1); });
}

void StartupActions::takeScreenshot() {
    ui::OutputFile file(m_options.screenshot);
    QString error;
    if (!file.open(&error) || !m_window->grab().save(file.device(), "PNG") ||
        !file.finish(&error)) {
        std::fprintf(stderr, "tcpladder: %s\n",
                     ui::pathToBytes(error.isEmpty() ? file.failure() : error).c_str());
        QApplication::exit(1);
        return;
    }
    QApplication::quit();
}

void StartupActions::report(const QString& line) {
    QFile file(m_options.reportFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        file.write(QByteArray::fromStdString(ui::pathToBytes(line + QChar('\n'))));
    else
        std::fprintf(stderr, "tcpladder: cannot write %s\n",
                     ui::pathToBytes(m_options.reportFile).c_str());
}

} // namespace tcpladder::gui
