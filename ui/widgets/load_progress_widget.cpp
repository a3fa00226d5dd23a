#include "widgets/load_progress_widget.h"

#include "format/units.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace tcpladder::ui {
namespace {

constexpr int kBarSteps = 1000; // bytes can exceed int: the bar shows per mille

} // namespace

LoadProgressWidget::LoadProgressWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("loadProgress"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_file = new QLabel(this);
    layout->addWidget(m_file);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("loadProgressBar"));
    m_bar->setRange(0, kBarSteps);
    m_bar->setFixedWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_bar->setTextVisible(true);
    layout->addWidget(m_bar);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("loadCounts"));
    layout->addWidget(m_counts);
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading and keep what was open before (Esc)"));
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &LoadProgressWidget::cancelRequested);
    hide();
}

void LoadProgressWidget::begin(const QString& path) {
    m_elapsed.start();
    m_file->setText(tr("Loading %1").arg(QFileInfo(path).fileName()));
    m_file->setToolTip(path);
    m_bar->setRange(0, kBarSteps);
    m_bar->setValue(0);
    m_counts->clear();
    show();
}

void LoadProgressWidget::update(const LoadProgressInfo& progress) {
    const LoadProgress& reading = progress.reading;
    const QString elapsed = formatDuration(m_elapsed.nsecsElapsed());
    if (progress.stage == LoadProgressInfo::Stage::Analysing) {
        const std::uint64_t total = std::max<std::uint64_t>(reading.connections, 1);
        m_bar->setRange(0, kBarSteps);
        m_bar->setValue(static_cast<int>(kBarSteps * progress.connectionsAnalysed / total));
        m_bar->setFormat(tr("analysing %p%"));
        m_counts->setText(tr("%1 of %2 connections analysed · %3")
                              .arg(formatCount(progress.connectionsAnalysed),
                                   formatCount(reading.connections), elapsed));
        return;
    }
    if (reading.fileSize == 0) {
        // A pipe has no size to measure against: a busy bar, not a full one.
        m_bar->setRange(0, 0);
    } else {
        const std::uint64_t size = reading.fileSize;
        m_bar->setRange(0, kBarSteps);
        m_bar->setValue(static_cast<int>(kBarSteps * std::min(reading.bytesRead, size) / size));
        m_bar->setFormat(tr("%p%"));
    }
    m_counts->setText(
        tr("%1 packets · %2 connections · %3")
            .arg(formatCount(reading.frames), formatCount(reading.connections), elapsed));
}

void LoadProgressWidget::end() {
    hide();
}

} // namespace tcpladder::ui
