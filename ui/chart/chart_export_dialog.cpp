#include "chart/chart_export_dialog.h"

#include "chart/chart_export.h"
#include "chart/chart_view.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace tcpladder::ui {
namespace {

enum Format { Png1x, Png2x, Svg };

} // namespace

ChartExportDialog::ChartExportDialog(ChartView* view, QWidget* parent)
    : QDialog(parent), m_view(view), m_path(new QLineEdit(this)), m_format(new QComboBox(this)) {
    setWindowTitle(tr("Export Chart"));
    m_format->addItem(tr("PNG image"), Png1x);
    m_format->addItem(tr("PNG image, 2× (high density, print)"), Png2x);
    m_format->addItem(tr("SVG drawing"), Svg);
    m_path->setText(QDir::home().filePath(QStringLiteral("chart.png")));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), pathRow);
    form->addRow(buttons);
    connect(browse, &QPushButton::clicked, this, &ChartExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ChartExportDialog::matchSuffix);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChartExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChartExportDialog::reject);
}

QString ChartExportDialog::path() const {
    return m_path->text();
}

double ChartExportDialog::scale() const {
    return m_format->currentData().toInt() == Png2x ? 2.0 : 1.0;
}

void ChartExportDialog::matchSuffix() {
    const QFileInfo info(m_path->text());
    const QString suffix =
        m_format->currentData().toInt() == Svg ? QStringLiteral("svg") : QStringLiteral("png");
    m_path->setText(info.dir().filePath(info.completeBaseName() + QChar('.') + suffix));
}

void ChartExportDialog::browse() {
    const bool svg = m_format->currentData().toInt() == Svg;
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export Chart"), m_path->text(),
                                     svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ChartExportDialog::accept() {
    QString error;
    if (!exportChart(*m_view->canvas(), path(), scale(), &error)) {
        QMessageBox::warning(this, tr("Export Chart"), error);
        return;
    }
    QDialog::accept();
}

} // namespace tcpladder::ui
