#include "ladder/ladder_view.h"

#include "decode/tcp_segment.h"
#include "ladder/ladder_exporter.h"
#include "ladder/ladder_header.h"
#include "ladder/ladder_labels.h"
#include "ladder/ladder_painter.h"
#include "tcp/analysis_flags.h"
#include "view_state/connection_view_state.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace tcpladder::ui {
namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinRowHeight = 0.01;
constexpr double kMaxRowHeight = 120;

} // namespace

LadderView::LadderView(ConnectionViewState* state, QWidget* parent)
    : QAbstractScrollArea(parent), m_state(state) {
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    applyLabelMetrics(m_options);
    connect(state, &ConnectionViewState::connectionChanged, this, &LadderView::onConnectionChanged);
    connect(state, &ConnectionViewState::captureChanged, this,
            [this] { onConnectionChanged(m_state->connection()); });
    connect(state, &ConnectionViewState::selectedPacketChanged, this,
            &LadderView::onSelectedPacketChanged);
    connect(state, &ConnectionViewState::messagesChanged, this, &LadderView::onMessagesChanged);
    connect(state, &ConnectionViewState::visibleRangeChanged, this,
            &LadderView::onVisibleRangeChanged);
    addActions();
    onConnectionChanged(state->connection());
}

LadderView::~LadderView() = default;

double LadderView::bodyHeight() const {
    return std::max(1.0, viewport()->height() - ladderHeaderHeight());
}

double LadderView::contentYAt(double viewportY) const {
    return verticalScrollBar()->value() + viewportY - ladderHeaderHeight();
}

std::pair<double, double> LadderView::visibleSlice() const {
    const double top = verticalScrollBar()->value();
    return {top, top + bodyHeight()};
}

void LadderView::onConnectionChanged(int connection) {
    m_hovered.reset();
    m_data.reset();
    m_layout.reset();
    if (connection >= 0 && m_state->capture()) {
        m_data = buildLadderData(m_state->capture(), static_cast<std::uint32_t>(connection));
        if (const auto messages = m_state->messages())
            m_data = withMessages(*m_data, messages);
        m_options.pixelsPerSecond = 0; // the default zoom for this connection
        m_options.rowHeight = 24;
        m_defaultZoom = true;
        relayout(0);
        verticalScrollBar()->setValue(0);
    } else {
        updateScrollBar();
    }
    viewport()->update();
}

void LadderView::onMessagesChanged() {
    const auto messages = m_state->messages();
    if (!m_data || !messages || messages->connection != m_data->connection)
        return;
    m_data = withMessages(*m_data, messages);
    relayout(0);
    viewport()->update();
}

void LadderView::onSelectedPacketChanged(qint64 index) {
    if (m_layout && index >= 0)
        ensureVisible(static_cast<std::size_t>(index));
    viewport()->update();
}

void LadderView::onVisibleRangeChanged(TimeNs begin, TimeNs end, QObject* source) {
    if (source == this || !m_layout || !m_state->zoomLinked() || end <= begin)
        return;
    if (m_options.axis == TimeAxis::TrueTime) {
        m_options.pixelsPerSecond = bodyHeight() / static_cast<double>(end - begin) * 1e9;
        m_defaultZoom = false;
    }
    relayout(0);
    m_publishing = true;
    verticalScrollBar()->setValue(qRound(m_layout->yForTime(begin)));
    m_publishing = false;
    viewport()->update();
}

void LadderView::relayout(double anchorY) {
    if (!m_data)
        return;
    const double anchorContent = contentYAt(anchorY + ladderHeaderHeight());
    const std::optional<TimeNs> anchorTime =
        m_layout ? std::optional(m_layout->timeForY(anchorContent)) : std::nullopt;
    m_options.width = viewport()->width();
    m_options.viewHeight = bodyHeight();
    m_layout = std::make_unique<LadderLayout>(m_data, m_options);
    m_options.pixelsPerSecond = m_layout->pixelsPerSecond();
    updateScrollBar();
    if (anchorTime) {
        m_publishing = true;
        verticalScrollBar()->setValue(qRound(m_layout->yForTime(*anchorTime) - anchorY));
        m_publishing = false;
    }
    publishVisibleRange();
    emit ladderChanged();
}

void LadderView::updateScrollBar() {
    const double content = m_layout ? m_layout->contentHeight() : 0;
    verticalScrollBar()->setRange(0, std::max(0, qCeil(content - bodyHeight())));
    verticalScrollBar()->setPageStep(qRound(bodyHeight()));
    verticalScrollBar()->setSingleStep(qRound(m_options.lineHeight * 2));
}

void LadderView::publishVisibleRange() {
    if (!m_layout || m_publishing)
        return;
    const auto [top, bottom] = visibleSlice();
    m_state->setVisibleRange(std::max<TimeNs>(0, m_layout->timeForY(top)),
                             std::min(m_data->timeline.duration, m_layout->timeForY(bottom)), this);
}

void LadderView::ensureVisible(std::size_t index) {
    const double y = m_layout->yForPacket(index);
    const auto [top, bottom] = visibleSlice();
    const double margin = std::min(bodyHeight() / 4, 80.0);
    if (y < top + margin || y > bottom - margin)
        verticalScrollBar()->setValue(qRound(y - bodyHeight() / 2));
}

void LadderView::setTimeAxis(TimeAxis axis) {
    if (axis == m_options.axis)
        return;
    m_options.axis = axis;
    relayout(bodyHeight() / 2);
    viewport()->update();
}

void LadderView::setSlanted(bool slanted) {
    m_options.slanted = slanted;
    relayout(bodyHeight() / 2);
    viewport()->update();
}

void LadderView::zoomBy(double factor) {
    if (!m_layout)
        return;
    m_defaultZoom = false;
    if (m_options.axis == TimeAxis::PerPacket)
        m_options.rowHeight =
            std::clamp(m_options.rowHeight * factor, kMinRowHeight, kMaxRowHeight);
    else
        m_options.pixelsPerSecond *= factor;
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    const double anchor = viewport()->rect().contains(cursor)
                              ? std::max(0.0, cursor.y() - ladderHeaderHeight())
                              : bodyHeight() / 2;
    relayout(anchor);
    viewport()->update();
}

void LadderView::fitConnection() {
    if (!m_data || m_data->packetCount() == 0)
        return;
    m_defaultZoom = false;
    if (m_options.axis == TimeAxis::PerPacket)
        m_options.rowHeight =
            std::clamp((bodyHeight() - 60) / static_cast<double>(m_data->packetCount()),
                       kMinRowHeight, kMaxRowHeight);
    else
        m_options.pixelsPerSecond =
            LadderLayout::fittingPixelsPerSecond(*m_data, m_options, bodyHeight());
    m_layout.reset();
    relayout(0);
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void LadderView::copyVisibleToClipboard() const {
    if (!m_layout)
        return;
    const auto [top, bottom] = visibleSlice();
    copyLadderToClipboard(*m_layout, top, bottom);
}

void LadderView::selectWhere(bool backwards, bool (*matches)(const PacketRecord&)) {
    if (!m_data || m_data->packetCount() == 0)
        return;
    const auto count = static_cast<qint64>(m_data->packetCount());
    const qint64 step = backwards ? -1 : 1;
    for (qint64 i = m_state->selectedPacket() + step; i >= 0 && i < count; i += step) {
        if (matches(m_data->packet(static_cast<std::size_t>(i)))) {
            m_state->setSelectedPacket(i);
            return;
        }
    }
}

void LadderView::selectNextRetransmission(bool backwards) {
    selectWhere(backwards,
                [](const PacketRecord& p) { return (p.analysis() & kAnyRetransmission) != 0; });
}

void LadderView::selectNextReset(bool backwards) {
    selectWhere(backwards, [](const PacketRecord& p) { return (p.flags() & kRst) != 0; });
}

void LadderView::selectNextStall(bool backwards) {
    if (!m_data)
        return;
    const auto& stalls = m_data->timeline.stalls;
    const qint64 selected = m_state->selectedPacket();
    const auto after = std::ranges::partition_point(
        stalls, [&](const Silence& s) { return static_cast<qint64>(s.before) <= selected; });
    if (!backwards && after != stalls.end())
        m_state->setSelectedPacket(static_cast<qint64>(after->before));
    const auto before = std::ranges::partition_point(
        stalls, [&](const Silence& s) { return static_cast<qint64>(s.before) < selected; });
    if (backwards && before != stalls.begin())
        m_state->setSelectedPacket(static_cast<qint64>((before - 1)->before));
}

void LadderView::paintEvent(QPaintEvent*) {
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), Qt::white);
    if (!m_layout) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter,
                         QStringLiteral("Select a connection to see its ladder"));
        return;
    }
    const auto [top, bottom] = visibleSlice();
    painter.save();
    painter.setClipRect(QRectF(0, ladderHeaderHeight(), viewport()->width(), bodyHeight()));
    painter.translate(0, ladderHeaderHeight() - top);
    LadderPaintParams params;
    params.top = top;
    params.bottom = bottom;
    if (m_state->selectedPacket() >= 0)
        params.selected = static_cast<std::size_t>(m_state->selectedPacket());
    params.hovered = m_hovered;
    LadderPainter(*m_layout).paint(painter, params);
    painter.restore();
    paintLadderHeader(painter, *m_layout, 0);
}

void LadderView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    const bool heightChanged = std::abs(m_options.viewHeight - bodyHeight()) >= 1;
    if (m_layout && m_defaultZoom && heightChanged)
        m_options.pixelsPerSecond = 0;
    if (m_layout &&
        (std::abs(m_options.width - viewport()->width()) >= 1 || m_options.pixelsPerSecond == 0))
        relayout(0);
    else
        updateScrollBar();
}

void LadderView::scrollContentsBy(int, int) {
    publishVisibleRange();
    viewport()->update();
}

void LadderView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(kZoomStep, event->angleDelta().y() / 120.0));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void LadderView::keyPressEvent(QKeyEvent* event) {
    if (!m_data || m_data->packetCount() == 0)
        return QAbstractScrollArea::keyPressEvent(event);
    const auto last = static_cast<qint64>(m_data->packetCount()) - 1;
    const qint64 selected = m_state->selectedPacket();
    switch (event->key()) {
    case Qt::Key_Down:
        m_state->setSelectedPacket(std::min(last, selected + 1));
        break;
    case Qt::Key_Up:
        m_state->setSelectedPacket(std::max<qint64>(0, selected - 1));
        break;
    case Qt::Key_Home:
        m_state->setSelectedPacket(0);
        break;
    case Qt::Key_End:
        m_state->setSelectedPacket(last);
        break;
    default:
        return QAbstractScrollArea::keyPressEvent(event);
    }
    event->accept();
}

std::optional<std::size_t> LadderView::packetAtViewport(QPointF position) const {
    if (!m_layout || position.y() < ladderHeaderHeight())
        return std::nullopt;
    return m_layout->packetAt(QPointF(position.x(), contentYAt(position.y())));
}

void LadderView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        if (const auto index = packetAtViewport(event->position()))
            m_state->setSelectedPacket(static_cast<qint64>(*index));
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void LadderView::mouseMoveEvent(QMouseEvent* event) {
    const auto hovered = packetAtViewport(event->position());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        viewport()->update();
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void LadderView::leaveEvent(QEvent* event) {
    m_hovered.reset();
    viewport()->update();
    QAbstractScrollArea::leaveEvent(event);
}

bool LadderView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString LadderView::tooltipAt(QPointF position) const {
    if (!m_layout || position.y() < ladderHeaderHeight())
        return {};
    const LadderColumns& columns = m_layout->columns();
    if (const auto index = packetAtViewport(position))
        return arrowTooltip(*m_data, *index);
    const double y = contentYAt(position.y());
    if (std::abs(position.x() - columns.captureX) <= 5)
        return explainCapturePoint(m_data->estimate, m_data->summary.synToSynAck,
                                   m_data->summary.synAckToAck);
    if (position.x() >= columns.notesLeft) {
        const TimeNs time = m_layout->timeForY(y);
        for (const LadderNote& note : m_data->notes)
            if (std::abs(m_layout->yForTime(note.time) - y) < 30 ||
                (note.time <= time && time <= note.endTime))
                return note.text + QStringLiteral("\n") + note.detail;
    }
    for (const BreakBand& band : m_layout->breaksBetween(y - 1, y + 1))
        return QStringLiteral("No packets for %1; this stretch of the time axis is cut out.")
            .arg(relativeTimeLabel(band.silence->length()));
    return {};
}

} // namespace tcpladder::ui
