#include "ladder/merged_ladder_view.h"

#include "ladder/merged_ladder_export.h"
#include "ladder/merged_ladder_painter.h"
#include "ladder/merged_ladder_text.h"
#include "widgets/view_actions.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QtMath>

namespace tcpladder::ui {

class MergedLadderCanvas : public QWidget {
public:
    explicit MergedLadderCanvas(MergedLadderView* view) : QWidget(view), m_view(view) {
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

protected:
    void paintEvent(QPaintEvent* event) override {
        QPainter painter(this);
        const QRect clip = event->rect();
        painter.fillRect(clip, Qt::white);
        if (!m_view->m_layout)
            return;
        painter.setClipRect(clip);
        MergedLadderPainter(*m_view->m_layout)
            .paint(painter, clip.top(), clip.bottom() + 1, m_view->m_selected);
    }

    void mousePressEvent(QMouseEvent* event) override {
        if (!m_view->m_layout)
            return;
        const std::ptrdiff_t hit = m_view->m_layout->arrowAt(event->position());
        m_view->select(hit >= 0 ? std::optional<std::size_t>(static_cast<std::size_t>(hit))
                                : std::nullopt);
    }

private:
    MergedLadderView* m_view;
};

MergedLadderView::MergedLadderView(QWidget* parent) : QScrollArea(parent) {
    setObjectName(QStringLiteral("mergedLadder"));
    m_canvas = new MergedLadderCanvas(this);
    setWidget(m_canvas);
    setWidgetResizable(false);
    setBackgroundRole(QPalette::Base);
    setFocusPolicy(Qt::StrongFocus);
    addActions();
}

MergedLadderView::~MergedLadderView() = default;

void MergedLadderView::setConnection(MergedPtr merged, int connection) {
    m_merged = std::move(merged);
    m_connection = connection;
    m_pixelsPerMs = 0;
    m_selected.reset();
    relayout();
    verticalScrollBar()->setValue(0);
}

void MergedLadderView::clear() {
    m_merged.reset();
    m_connection = -1;
    m_layout.reset();
    m_selected.reset();
    m_canvas->resize(0, 0);
}

void MergedLadderView::relayout() {
    if (!m_merged || m_connection < 0 ||
        static_cast<std::size_t>(m_connection) >= m_merged->connections.size()) {
        clear();
        return;
    }
    MergedLadderOptions options;
    options.pixelsPerMs = m_pixelsPerMs;
    options.width = std::max<double>(viewport()->width(), 900);
    m_layout = std::make_unique<MergedLadderLayout>(
        mergedLadderLayout(m_merged, static_cast<std::size_t>(m_connection), options));
    m_canvas->resize(qCeil(m_layout->width()), qCeil(m_layout->height()));
    m_canvas->update();
}

void MergedLadderView::zoom(double factor) {
    if (!m_layout)
        return;
    // Keep the time at the middle of the viewport where it was.
    const double middle = verticalScrollBar()->value() + viewport()->height() / 2.0;
    const TimeNs time = m_layout->timeAt(middle);
    m_pixelsPerMs = std::clamp(m_layout->pixelsPerMs() * factor, 1e-4, 1e4);
    relayout();
    verticalScrollBar()->setValue(qRound(m_layout->yAt(time) - viewport()->height() / 2.0));
}

void MergedLadderView::fit() {
    if (!m_layout)
        return;
    const double body = m_layout->yAt(m_layout->end()) - m_layout->yAt(m_layout->origin());
    const double room = viewport()->height() - m_layout->headerHeight() - 40;
    if (body > 0 && room > 0)
        zoom(room / body);
}

void MergedLadderView::select(std::optional<std::size_t> packet) {
    m_selected = packet;
    m_canvas->update();
    emit packetSelected(packet ? static_cast<qint64>(*packet) : -1);
}

bool MergedLadderView::exportTo(const QString& path, QString* error) const {
    const auto format = ladderFormatForPath(path);
    if (!m_layout || !format) {
        *error = m_layout ? tr("%1: the merged ladder exports as .png, .svg or .pdf").arg(path)
                          : tr("no merged connection is selected");
        return false;
    }
    const LadderExportResult result = exportMergedLadder(*m_layout, path, *format);
    if (!result.ok)
        *error = result.error;
    return result.ok;
}

std::pair<double, double> MergedLadderView::visibleSlice() const {
    const double top = verticalScrollBar()->value();
    return {top, top + viewport()->height()};
}

void MergedLadderView::copyVisibleToClipboard() const {
    if (!m_layout)
        return;
    const auto [top, bottom] = visibleSlice();
    QGuiApplication::clipboard()->setMimeData(mergedLadderMimeData(*m_layout, top, bottom));
}

void MergedLadderView::copyVisibleAsText() const {
    if (!m_layout)
        return;
    const auto [top, bottom] = visibleSlice();
    const auto [first, last] = m_layout->packetsBetween(top, bottom);
    QGuiApplication::clipboard()->setText(mergedLadderText(
        m_layout->merged(), m_layout->connection(), first, last, m_layout->origin()));
}

void MergedLadderView::addActions() {
    setContextMenuPolicy(Qt::ActionsContextMenu);
    addViewAction(this, tr("Zoom In"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
                  [this] { zoom(1.5); });
    addViewAction(this, tr("Zoom Out"), {QKeySequence(Qt::Key_Minus)}, [this] { zoom(1 / 1.5); });
    addViewAction(this, tr("Fit Connection"), {QKeySequence(Qt::Key_F)}, [this] { fit(); });
    addViewSeparator(this);
    addViewAction(this, tr("Copy Visible Ladder"), {QKeySequence::Copy},
                  [this] { copyVisibleToClipboard(); });
    addViewAction(this, tr("Copy Visible Ladder as Text"), {}, [this] { copyVisibleAsText(); });
}

} // namespace tcpladder::ui
