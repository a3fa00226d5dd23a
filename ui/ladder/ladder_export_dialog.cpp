#include "ladder/ladder_export_dialog.h"

#include "ladder/ladder_view.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace tcpladder::ui {

LadderExportDialog::LadderExportDialog(const LadderView* view, QWidget* parent)
    : QDialog(parent), m_view(view), m_path(new QLineEdit(this)), m_range(new QButtonGroup(this)),
      m_firstFrame(new QSpinBox(this)), m_lastFrame(new QSpinBox(this)),
      m_ratio(new QComboBox(this)) {
    setWindowTitle(tr("Export Ladder"));
    auto* form = new QFormLayout(this);

    auto* pathRow = new QHBoxLayout;
    auto* browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, &LadderExportDialog::browse);
    m_path->setPlaceholderText(tr("ladder.png, ladder.svg or ladder.pdf"));
    form->addRow(tr("File:"), pathRow);

    const auto* layout = view->ladderLayout();
    const int frames =
        layout && layout->data().packetCount() > 0
            ? static_cast<int>(std::min<std::uint64_t>(
                  layout->data().packet(layout->data().packetCount() - 1).frame(), 0x7fffffff))
            : 1;
    for (QSpinBox* box : {m_firstFrame, m_lastFrame})
        box->setRange(1, std::max(frames, 1));
    m_lastFrame->setValue(frames);
    auto* whole = new QRadioButton(tr("Whole connection"), this);
    auto* visible = new QRadioButton(tr("Visible range"), this);
    auto* some = new QRadioButton(tr("Frames"), this);
    m_range->addButton(whole, static_cast<int>(Range::Whole));
    m_range->addButton(visible, static_cast<int>(Range::Visible));
    m_range->addButton(some, static_cast<int>(Range::Frames));
    whole->setChecked(true);
    auto* frameRow = new QHBoxLayout;
    frameRow->addWidget(some);
    frameRow->addWidget(m_firstFrame);
    frameRow->addWidget(m_lastFrame);
    auto* ranges = new QVBoxLayout;
    ranges->addWidget(whole);
    ranges->addWidget(visible);
    ranges->addLayout(frameRow);
    form->addRow(tr("Packets:"), ranges);

    m_ratio->addItem(tr("1× (screen)"), 1.0);
    m_ratio->addItem(tr("2× (high DPI, sharper when pasted)"), 2.0);
    form->addRow(tr("PNG pixel ratio:"), m_ratio);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LadderExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LadderExportDialog::reject);
    form->addRow(buttons);
}

void LadderExportDialog::setPath(const QString& path) {
    m_path->setText(path);
}

void LadderExportDialog::setRange(Range range) {
    m_range->button(static_cast<int>(range))->setChecked(true);
}

void LadderExportDialog::setFrames(int first, int last) {
    m_firstFrame->setValue(first);
    m_lastFrame->setValue(last);
}

void LadderExportDialog::setPixelRatio(double ratio) {
    m_ratio->setCurrentIndex(ratio > 1.5 ? 1 : 0);
}

LadderExportRequest LadderExportDialog::request() const {
    LadderExportRequest request;
    request.path = m_path->text();
    request.format = ladderFormatForPath(request.path).value_or(LadderFormat::Png);
    request.pixelRatio = m_ratio->currentData().toDouble();
    const LadderLayout* layout = m_view->ladderLayout();
    if (!layout)
        return request;
    request.options = layout->options();
    const LadderData& data = layout->data();
    request.lastPacket = data.packetCount();
    switch (static_cast<Range>(m_range->checkedId())) {
    case Range::Visible: {
        const auto [top, bottom] = m_view->visibleSlice();
        request.firstPacket = data.firstAtOrAfter(layout->timeForY(top));
        request.lastPacket =
            std::max(request.firstPacket + 1, data.firstAtOrAfter(layout->timeForY(bottom) + 1));
        break;
    }
    case Range::Frames:
        request.firstPacket = data.indexOfFrame(static_cast<std::uint64_t>(m_firstFrame->value()));
        request.lastPacket =
            data.indexOfFrame(static_cast<std::uint64_t>(m_lastFrame->value()) + 1);
        break;
    case Range::Whole:
        break;
    }
    return request;
}

bool LadderExportDialog::exportNow() {
    const LadderLayout* layout = m_view->ladderLayout();
    QString error;
    if (!layout)
        error = tr("No connection is selected.");
    else if (!ladderFormatForPath(m_path->text()))
        error = tr("The file name must end in .png, .svg or .pdf.");
    if (error.isEmpty()) {
        const LadderExportResult result = exportLadder(layout->sharedData(), request());
        if (result.ok)
            return true;
        error = result.error;
    }
    QMessageBox::warning(this, windowTitle(), error);
    return false;
}

void LadderExportDialog::accept() {
    if (exportNow())
        QDialog::accept();
}

void LadderExportDialog::browse() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Ladder"), m_path->text(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

} // namespace tcpladder::ui
