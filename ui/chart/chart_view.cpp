#include "chart/chart_view.h"

#include "chart/chart_builder.h"
#include "chart/chart_canvas.h"
#include "chart/chart_drawing.h"
#include "chart/chart_interaction.h"
#include "chart/packet_hit.h"
#include "chart/throughput_series.h"
#include "decode/ip_address.h"
#include "format/qt_text.h"
#include "format/units.h"
#include "loading/sack_read_job.h"
#include "view_state/connection_view_state.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QTabBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace tcpladder::ui {
namespace {

constexpr TimeNs kThroughputWindows[] = {0,           1'000'000,    10'000'000,
                                         100'000'000, kNsPerSecond, 10 * kNsPerSecond};

QString kHint() {
    return ChartView::tr("Drag to pan · Shift+drag or right-drag zooms to a box · wheel zooms · "
                         "double-click or F fits the whole connection");
}

} // namespace

ChartView::ChartView(ConnectionViewState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_canvas(new ChartCanvas(this)),
      m_interaction(new ChartInteraction(m_canvas)), m_tabs(new QTabBar(this)),
      m_direction(new QToolButton(this)), m_throughputWindow(new QComboBox(this)),
      m_linkZoom(new QCheckBox(tr("Link zoom"), this)), m_readout(new QLabel(this)),
      m_note(new QLabel(this)), m_refresh(new QTimer(this)), m_sackJob(new SackReadJob(this)) {
    for (const QString& name : {tr("Sequence"), tr("Throughput"), tr("RTT"), tr("Window")})
        m_tabs->addTab(name);
    m_tabs->setDocumentMode(true);
    // Scroll buttons rather than a wide minimum: the column may be narrow.
    m_tabs->setUsesScrollButtons(true);
    m_tabs->setExpanding(false);
    m_tabs->setMinimumWidth(140);
    m_direction->setToolTip(tr("Chart the other direction of the connection"));
    for (const TimeNs window : kThroughputWindows)
        m_throughputWindow->addItem(window == 0 ? tr("Auto window")
                                                : tr("%1 window").arg(formatDuration(window)),
                                    QVariant::fromValue<qint64>(window));
    m_throughputWindow->setToolTip(tr("Moving window the throughput is averaged over"));
    auto* reset = new QToolButton(this);
    reset->setText(tr("Reset zoom"));
    m_linkZoom->setChecked(state->zoomLinked());
    m_linkZoom->setToolTip(tr("Zooming the chart or the ladder shows the same time in the other"));
    // Beside the ladder the chart column can be narrow: the direction gets
    // a row of its own, wide enough for "[2001:db8::1]:443 → …" in full;
    // the readout and the hint give way instead of squeezing the ladder.
    m_direction->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_readout->setMinimumWidth(200);
    m_note->setText(kHint());
    m_note->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_note->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* top = new QHBoxLayout;
    top->addWidget(m_tabs, 3);
    top->addStretch();
    top->addWidget(m_linkZoom);
    top->addWidget(reset);
    auto* second = new QHBoxLayout;
    second->addWidget(m_direction);
    second->addStretch();
    second->addWidget(m_throughputWindow);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_readout);
    bottom->addWidget(m_note, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(second);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(bottom);

    m_refresh->setSingleShot(true);
    connect(m_refresh, &QTimer::timeout, this, &ChartView::refreshNow);
    connect(m_sackJob, &SackReadJob::blocksRead, this,
            [this](const std::shared_ptr<const SackReadJob::Read>& read) {
                m_sackAsked.clear();
                if (!m_data || read->capture != &m_data->capture() ||
                    read->connection != m_data->connection())
                    return;
                m_data->sackReader().add(read->blocks);
                scheduleRefresh();
            });
    connect(m_tabs, &QTabBar::currentChanged, this,
            [this](int index) { setChartKind(static_cast<ChartKind>(index)); });
    connect(m_direction, &QToolButton::clicked, this,
            [this] { setSender(m_sender == kSideA ? kSideB : kSideA); });
    connect(m_throughputWindow, &QComboBox::currentIndexChanged, this, [this](int index) {
        setThroughputWindow(m_throughputWindow->itemData(index).value<qint64>());
    });
    connect(m_linkZoom, &QCheckBox::toggled, this, [this](bool linked) {
        m_state->setZoomLinked(linked);
        if (linked && m_data)
            m_state->setVisibleRange(m_window.begin(), m_window.end(), this);
    });
    connect(reset, &QToolButton::clicked, this, &ChartView::resetZoom);
    // F as in the ladder; Esc belongs to the window (it cancels a load).
    auto* fit = new QShortcut(QKeySequence(Qt::Key_F), this);
    fit->setContext(Qt::WidgetWithChildrenShortcut);
    connect(fit, &QShortcut::activated, this, &ChartView::resetZoom);

    connect(m_interaction, &ChartInteraction::clicked, this, &ChartView::onClicked);
    connect(m_interaction, &ChartInteraction::hovered, this, &ChartView::onHovered);
    connect(m_interaction, &ChartInteraction::panned, this, &ChartView::onPanned);
    connect(m_interaction, &ChartInteraction::zoomedToBox, this, &ChartView::onZoomedToBox);
    connect(m_interaction, &ChartInteraction::wheelZoomed, this, &ChartView::onWheelZoomed);
    connect(m_interaction, &ChartInteraction::resetRequested, this, &ChartView::resetZoom);
    connect(m_canvas, &ChartCanvas::plotAreaChanged, this, [this] {
        if (std::abs(m_canvas->plotArea().width() - m_drawnColumns) > 1.5)
            scheduleRefresh();
    });

    connect(state, &ConnectionViewState::connectionChanged, this, &ChartView::onConnectionChanged);
    connect(state, &ConnectionViewState::visibleRangeChanged, this,
            &ChartView::onVisibleRangeChanged);
    connect(state, &ConnectionViewState::selectedPacketChanged, this,
            &ChartView::onSelectedPacketChanged);
    connect(state, &ConnectionViewState::zoomLinkedChanged, m_linkZoom, &QCheckBox::setChecked);
    onConnectionChanged(state->connection());
}

// The interaction filters the canvas's events; it must go before the canvas
// starts taking its viewport down.
ChartView::~ChartView() {
    delete m_interaction;
}

void ChartView::setChartKind(ChartKind kind) {
    if (kind == m_kind)
        return;
    m_kind = kind;
    m_pinnedValues.reset();
    m_tabs->setCurrentIndex(static_cast<int>(kind));
    updateControls();
    scheduleRefresh();
}

void ChartView::setSender(Side sender) {
    if (sender == m_sender)
        return;
    m_sender = sender;
    m_pinnedValues.reset();
    updateControls();
    scheduleRefresh();
}

void ChartView::setThroughputWindow(TimeNs window) {
    m_fixedThroughputWindow = window;
    if (m_kind == ChartKind::Throughput)
        scheduleRefresh();
}

TimeNs ChartView::throughputWindow() const {
    if (m_fixedThroughputWindow > 0 || !m_data)
        return m_fixedThroughputWindow > 0 ? m_fixedThroughputWindow : 1;
    return automaticThroughputWindow(m_data->duration());
}

void ChartView::onConnectionChanged(int connection) {
    m_data.reset();
    m_sackJob->cancel();
    m_sackAsked.clear();
    m_pinnedValues.reset();
    const auto capture = m_state->capture();
    if (capture && connection >= 0) {
        m_data = std::make_unique<ConnectionChartData>(
            capture, static_cast<std::uint32_t>(connection), SackReader::Reads::OnWorker);
        m_sender = m_data->busierSide();
        m_window = TimeWindow(m_data->duration() + 1);
        if (m_state->zoomLinked() && m_state->visibleEnd() > m_state->visibleBegin())
            m_window.set(m_state->visibleBegin(), m_state->visibleEnd());
    }
    updateControls();
    scheduleRefresh();
}

void ChartView::onVisibleRangeChanged(TimeNs begin, TimeNs end, QObject* source) {
    if (source == this || !m_state->zoomLinked() || !m_data)
        return;
    if (end > begin)
        m_window.set(begin, end);
    else
        m_window.reset();
    m_pinnedValues.reset();
    scheduleRefresh();
}

void ChartView::onSelectedPacketChanged(qint64 index) {
    if (m_data && index >= 0) {
        const ChartRequest request = m_data->request(m_sender);
        if (const auto at = packetPosition(m_kind, request, static_cast<std::size_t>(index));
            at && (at->time < m_window.begin() || at->time >= m_window.end())) {
            const TimeNs half = m_window.span() / 2;
            applyRange(at->time - half, at->time + half, true);
        }
    }
    updateHighlight();
}

void ChartView::updateHighlight() {
    const qint64 index = m_state->selectedPacket();
    if (!m_data || index < 0) {
        m_canvas->setHighlight(std::nullopt, false);
        return;
    }
    m_canvas->setHighlight(
        packetPosition(m_kind, m_data->request(m_sender), static_cast<std::size_t>(index)),
        m_kind == ChartKind::Sequence);
}

std::optional<std::size_t> ChartView::packetAt(QPointF viewportPosition) {
    const QRectF plot = m_canvas->plotArea();
    if (!m_data || !plot.contains(viewportPosition))
        return std::nullopt;
    const ChartPoint at = m_canvas->valueAt(viewportPosition);
    ChartClick click;
    click.time = at.time;
    click.value = at.value;
    click.nsPerPixel = static_cast<double>(m_canvas->end() - m_canvas->begin()) / plot.width();
    click.valuePerPixel = (m_canvas->valueMax() - m_canvas->valueMin()) / plot.height();
    ChartRequest request = m_data->request(m_sender);
    if (m_kind == ChartKind::Rtt)
        request.rttSamples = &m_data->rttSamples(m_sender);
    return findPacketAt(m_kind, request, click);
}

void ChartView::onClicked(QPointF position) {
    if (const auto index = packetAt(position))
        m_state->setSelectedPacket(static_cast<qint64>(*index));
}

void ChartView::onHovered(std::optional<QPointF> position) {
    m_canvas->setCrosshair(position);
    if (!position || !m_data || !m_canvas->plotArea().contains(*position)) {
        m_readout->clear();
        return;
    }
    static const char* const kValueNames[] = {"seq", "rate", "RTT", "bytes"};
    const ChartPoint at = m_canvas->valueAt(*position);
    AxisScale time = m_canvas->timeScale();
    AxisScale value = m_canvas->valueScale();
    // One digit more than the axis labels: the readout is for reading exactly.
    ++time.decimals;
    ++value.decimals;
    m_readout->setText(QStringLiteral("t = %1   %2 = %3")
                           .arg(time.format(static_cast<double>(at.time)),
                                QString::fromLatin1(kValueNames[static_cast<int>(m_kind)]),
                                value.format(at.value)));
}

void ChartView::onPanned(QPointF pixels) {
    const QRectF plot = m_canvas->plotArea();
    if (!m_data || plot.width() <= 0 || plot.height() <= 0)
        return;
    const double nsPerPixel = static_cast<double>(m_window.span()) / plot.width();
    if (m_pinnedValues) {
        const double shift =
            pixels.y() * (m_pinnedValues->second - m_pinnedValues->first) / plot.height();
        m_pinnedValues = {m_pinnedValues->first + shift, m_pinnedValues->second + shift};
    }
    const auto delta = static_cast<TimeNs>(-pixels.x() * nsPerPixel);
    applyRange(m_window.begin() + delta, m_window.end() + delta, true);
}

void ChartView::onZoomedToBox(QRectF box) {
    if (!m_data)
        return;
    const ChartPoint topLeft = m_canvas->valueAt(box.topLeft());
    const ChartPoint bottomRight = m_canvas->valueAt(box.bottomRight());
    m_pinnedValues = {bottomRight.value, topLeft.value};
    applyRange(topLeft.time, bottomRight.time, true);
}

void ChartView::onWheelZoomed(QPointF position, double factor) {
    if (!m_data)
        return;
    const ChartPoint anchor = m_canvas->valueAt(position);
    m_window.zoomAround(anchor.time, factor);
    if (m_pinnedValues) {
        const auto [low, high] = *m_pinnedValues;
        m_pinnedValues = {anchor.value - (anchor.value - low) * factor,
                          anchor.value + (high - anchor.value) * factor};
        if (m_window.isFull() && factor > 1)
            m_pinnedValues.reset();
    }
    applyRange(m_window.begin(), m_window.end(), true);
}

void ChartView::resetZoom() {
    m_pinnedValues.reset();
    applyRange(0, m_window.fullEnd(), true);
}

void ChartView::applyRange(TimeNs begin, TimeNs end, bool publish) {
    m_window.set(begin, end);
    if (publish && m_data && m_state->zoomLinked())
        m_state->setVisibleRange(m_window.begin(), m_window.end(), this);
    scheduleRefresh();
}

void ChartView::scheduleRefresh() {
    if (!m_refresh->isActive())
        m_refresh->start(0);
}

void ChartView::refreshNow() {
    m_refresh->stop();
    m_canvas->setEnabled(m_data != nullptr);
    if (!m_data) {
        m_canvas->setTitle(tr("No connection selected"));
        m_canvas->setContent(emptyContent(m_kind));
        return;
    }
    ChartRequest request = m_data->request(m_sender);
    request.begin = m_window.begin();
    request.end = m_window.end();
    request.pinnedValues = m_pinnedValues;
    request.throughputWindow = throughputWindow();
    const QString note = drawChart(*m_canvas, *m_data, request, m_kind);
    m_drawnColumns = static_cast<int>(m_canvas->plotArea().width());
    requestSackBlocks();
    m_note->setText(!note.isEmpty()        ? note
                    : !m_sackAsked.empty() ? tr("Reading SACK blocks from the file…")
                                           : kHint());
    updateHighlight();
}

void ChartView::requestSackBlocks() {
    std::vector<std::size_t> pending = m_data->sackReader().takePending();
    // A redraw of the same range (a resize) while they are read asks nothing new.
    if (pending.empty() || pending == m_sackAsked)
        return;
    m_sackAsked = pending;
    m_sackJob->request(m_data->sharedCapture(), m_data->connection(), std::move(pending));
}

void ChartView::updateControls() {
    m_throughputWindow->setVisible(m_kind == ChartKind::Throughput);
    m_direction->setEnabled(m_data != nullptr);
    if (!m_data) {
        m_direction->setText(tr("No connection"));
        return;
    }
    const Connection& c = m_data->capture().connections[m_data->connection()];
    const Side receiver = m_sender == kSideA ? kSideB : kSideA;
    const QString text =
        tr("Data %1 → %2  ⇄")
            .arg(endpointText(c.endpoints[m_sender]), endpointText(c.endpoints[receiver]));
    m_direction->setText(text);
    m_direction->setToolTip(text + QLatin1Char('\n') +
                            tr("Click to chart the other direction of the connection"));
}

} // namespace tcpladder::ui
