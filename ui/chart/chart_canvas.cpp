#include "chart/chart_canvas.h"

#include "chart/plot_layer.h"
#include "chart/series_style.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <array>
#include <limits>

namespace tcpladder::ui {

// Of a legend entry besides its name: the marker and the spacing around it.
constexpr double kLegendMarkerExtra = 34;
constexpr double kSideLegendFontScale = 0.75;
namespace {

QList<QPointF> toDisplay(const std::vector<ChartPoint>& points, double xDivisor, double yDivisor) {
    QList<QPointF> out;
    out.reserve(static_cast<qsizetype>(points.size()));
    for (const ChartPoint& p : points)
        out.append(QPointF(static_cast<double>(p.time) / xDivisor, p.value / yDivisor));
    return out;
}

QScatterSeries::MarkerShape markerShape(MarkShape shape) {
    switch (shape) {
    case MarkShape::Square:
        return QScatterSeries::MarkerShapeRectangle;
    case MarkShape::Triangle:
        return QScatterSeries::MarkerShapeTriangle;
    case MarkShape::Diamond:
        return QScatterSeries::MarkerShapeRotatedRectangle;
    case MarkShape::Star:
        return QScatterSeries::MarkerShapeStar;
    case MarkShape::Circle:
        break;
    }
    return QScatterSeries::MarkerShapeCircle;
}

QAbstractSeries* makeSeries(SeriesRole role, QObject* owner) {
    const SeriesStyle style = styleOf(role);
    QAbstractSeries* series = nullptr;
    switch (shapeOf(role)) {
    case SeriesShape::Bars: {
        // Stays empty, for its legend entry: the PlotLayer draws the bars.
        auto* area = new QAreaSeries(new QLineSeries(owner), new QLineSeries(owner));
        area->setPen(Qt::NoPen);
        area->setBrush(style.color);
        series = area;
        break;
    }
    case SeriesShape::Steps: {
        // Stays empty too, as the PlotLayer draws the line.
        auto* line = new QLineSeries(owner);
        line->setPen(QPen(style.color, style.lineWidth));
        series = line;
        break;
    }
    case SeriesShape::Marks: {
        auto* marks = new QScatterSeries(owner);
        marks->setMarkerShape(markerShape(style.shape));
        marks->setMarkerSize(style.markSize);
        marks->setColor(style.color);
        marks->setBorderColor(role == SeriesRole::Rtt ? style.color : QColor(Qt::white));
        series = marks;
        break;
    }
    }
    series->setParent(owner);
    series->setName(style.name);
    return series;
}

} // namespace

struct ChartCanvas::Private {
    QChart* chart = nullptr;
    QChartView* view = nullptr;
    QValueAxis* timeAxis = nullptr;
    QValueAxis* valueAxis = nullptr;
    std::array<QAbstractSeries*, kSeriesRoleCount> series{};
    std::array<bool, kSeriesRoleCount> hidden{};
    QLineSeries* highlightLine = nullptr;
    QScatterSeries* highlightRing = nullptr;
    PlotLayer* layer = nullptr;
    QGraphicsLineItem* crossX = nullptr;
    QGraphicsLineItem* crossY = nullptr;
    std::optional<ChartKind> attachedKind;
    ChartKind kind = ChartKind::Sequence;
    ValueKind valueKind = ValueKind::Bytes;
    TimeNs begin = 0;
    TimeNs end = 1;
    double valueMin = 0;
    double valueMax = 1;
    AxisScale timeScale;
    AxisScale valueScale;
    std::optional<ChartPoint> highlight;
    bool highlightRingShown = false;
    qsizetype points = 0;

    QAbstractSeries* of(SeriesRole role) const { return series[static_cast<int>(role)]; }
    void attach(ChartCanvas* canvas, ChartKind kind);
    void addToChart(QAbstractSeries* s) {
        chart->addSeries(s);
        s->attachAxis(timeAxis);
        s->attachAxis(valueAxis);
    }
    void updateHighlight();
};

void ChartCanvas::Private::attach(ChartCanvas* canvas, ChartKind newKind) {
    if (attachedKind == newKind)
        return;
    for (QAbstractSeries* s : chart->series())
        chart->removeSeries(s);
    for (SeriesRole role : rolesOf(newKind)) {
        QAbstractSeries* s = of(role);
        addToChart(s);
        s->setVisible(!hidden[static_cast<int>(role)]);
        for (QLegendMarker* marker : chart->legend()->markers(s)) {
            marker->setLabelBrush(hidden[static_cast<int>(role)] ? QColor(Qt::gray)
                                                                 : QColor(Qt::black));
            QObject::connect(marker, &QLegendMarker::clicked, canvas, [canvas, role] {
                canvas->setRoleVisible(role, !canvas->isRoleVisible(role));
            });
        }
    }
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(highlightLine),
                               static_cast<QAbstractSeries*>(highlightRing)}) {
        addToChart(s);
        for (QLegendMarker* marker : chart->legend()->markers(s))
            marker->setVisible(false);
    }
    attachedKind = newKind;
}

void ChartCanvas::Private::updateHighlight() {
    QList<QPointF> line;
    QList<QPointF> ring;
    if (highlight && highlight->time >= begin && highlight->time < end) {
        const double x = static_cast<double>(highlight->time) / timeScale.divisor;
        line << QPointF(x, valueMin / valueScale.divisor)
             << QPointF(x, valueMax / valueScale.divisor);
        if (highlightRingShown)
            ring << QPointF(x, highlight->value / valueScale.divisor);
    }
    highlightLine->replace(line);
    highlightRing->replace(ring);
}

ChartCanvas::ChartCanvas(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
    d->chart = new QChart;
    d->chart->setMargins(QMargins(6, 6, 6, 6));
    d->chart->legend()->setAlignment(Qt::AlignBottom);
    d->chart->setBackgroundRoundness(0);
    d->timeAxis = new QValueAxis(this);
    d->valueAxis = new QValueAxis(this);
    for (QValueAxis* axis : {d->timeAxis, d->valueAxis}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setGridLineColor(QColor(0xe4, 0xe4, 0xe4));
        axis->setMinorGridLineVisible(false);
    }
    d->chart->addAxis(d->timeAxis, Qt::AlignBottom);
    d->chart->addAxis(d->valueAxis, Qt::AlignLeft);
    for (int i = 0; i < kSeriesRoleCount; ++i)
        d->series[i] = makeSeries(static_cast<SeriesRole>(i), this);
    d->highlightLine = new QLineSeries(this);
    d->highlightLine->setPen(QPen(QColor(0xd6, 0x1f, 0x1f, 140), 1, Qt::DashLine));
    d->highlightRing = new QScatterSeries(this);
    d->highlightRing->setMarkerSize(16);
    d->highlightRing->setBrush(Qt::NoBrush);
    d->highlightRing->setPen(QPen(QColor(0xd6, 0x1f, 0x1f), 2.5));

    d->layer = new PlotLayer(d->chart);
    // Above the grid and axes (Qt Charts' z 2 and 3), under its series (4):
    // the marks and the highlight.
    d->layer->setZValue(3.5);

    d->view = new QChartView(d->chart, this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setRubberBand(QChartView::NoRubberBand);
    d->view->setMouseTracking(true);
    d->crossX =
        d->chart->scene()->addLine(QLineF(), QPen(QColor(0x60, 0x60, 0x60), 0, Qt::DotLine));
    d->crossY =
        d->chart->scene()->addLine(QLineF(), QPen(QColor(0x60, 0x60, 0x60), 0, Qt::DotLine));
    for (QGraphicsLineItem* item : {d->crossX, d->crossY}) {
        item->setZValue(1000);
        item->hide();
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);
    connect(d->chart, &QChart::plotAreaChanged, this, [this](const QRectF& plot) {
        d->layer->setPlotArea(plot);
        emit plotAreaChanged();
    });
}

ChartCanvas::~ChartCanvas() = default;

void ChartCanvas::setContent(const ChartContent& content) {
    d->attach(this, content.kind);
    placeLegend();
    d->kind = content.kind;
    d->valueKind = content.valueKind;
    d->begin = content.begin;
    d->end = content.end;
    d->valueMin = content.valueMin;
    d->valueMax = content.valueMax;
    // Qt Charts recomputes (and strokes) every series on each axis change;
    // emptied first, each series is computed once, when it gets its points.
    for (const ChartSeries& s : content.series) {
        if (auto* area = qobject_cast<QAreaSeries*>(d->of(s.role))) {
            area->upperSeries()->clear();
            area->lowerSeries()->clear();
        } else if (auto* xy = qobject_cast<QXYSeries*>(d->of(s.role))) {
            xy->clear();
        }
    }
    d->highlightLine->clear();
    d->highlightRing->clear();
    const QRectF plot = d->chart->plotArea();
    const double width = std::max(plot.width(), 50.0);
    const double height = std::max(plot.height(), 50.0);
    d->timeScale = ui::timeScale(content.end - content.begin, static_cast<int>(width / 90));
    d->valueScale = ui::valueScale(content.valueMin, content.valueMax, content.valueKind,
                                   static_cast<int>(height / 45));
    const AxisScale& ts = d->timeScale;
    const AxisScale& vs = d->valueScale;
    // With the old tick interval a new range (or unit) could ask Qt Charts
    // for millions of ticks; one huge interval first keeps it to a few.
    d->timeAxis->setTickInterval(std::numeric_limits<double>::max());
    d->valueAxis->setTickInterval(std::numeric_limits<double>::max());
    d->timeAxis->setRange(static_cast<double>(content.begin) / ts.divisor,
                          static_cast<double>(content.end) / ts.divisor);
    d->timeAxis->setTickInterval(ts.step);
    d->timeAxis->setLabelFormat(QStringLiteral("%.%1f").arg(ts.decimals));
    d->timeAxis->setTitleText(tr("Time since the connection's first packet (%1)").arg(ts.unit));
    d->valueAxis->setRange(content.valueMin / vs.divisor, content.valueMax / vs.divisor);
    d->valueAxis->setTickInterval(vs.step);
    d->valueAxis->setLabelFormat(QStringLiteral("%.%1f").arg(vs.decimals));
    static const char* const kValueTitles[] = {"Relative sequence number (%1)", "%1",
                                               "Round-trip time (%1)"};
    QString title = tr(kValueTitles[static_cast<int>(content.valueKind)]).arg(vs.unit);
    if (content.kind == ChartKind::Window)
        title = tr("Bytes (%1)").arg(vs.unit);
    else if (content.kind == ChartKind::OneWayDelay)
        title = tr("One-way delay (%1)").arg(vs.unit);
    d->valueAxis->setTitleText(title);

    d->layer->setPlotArea(d->chart->plotArea());
    d->layer->setContent(content);
    d->points = d->layer->pointCount();
    for (const ChartSeries& s : content.series) {
        if (shapeOf(s.role) != SeriesShape::Marks)
            continue;
        auto* marks = static_cast<QXYSeries*>(d->of(s.role));
        marks->replace(toDisplay(s.points, ts.divisor, vs.divisor));
        d->points += marks->count();
    }
    d->updateHighlight();
}

void ChartCanvas::setTitle(const QString& title) {
    d->chart->setTitle(title);
}

void ChartCanvas::setHighlight(std::optional<ChartPoint> point, bool ring) {
    d->highlight = point;
    d->highlightRingShown = ring;
    d->updateHighlight();
}

void ChartCanvas::setCrosshair(std::optional<QPointF> viewportPosition) {
    const QRectF plot = plotArea();
    if (!viewportPosition || !plot.contains(*viewportPosition)) {
        d->crossX->hide();
        d->crossY->hide();
        return;
    }
    const QPointF scenePos = d->view->mapToScene(viewportPosition->toPoint());
    const QRectF scenePlot = d->chart->mapRectToScene(d->chart->plotArea());
    d->crossX->setLine(QLineF(scenePos.x(), scenePlot.top(), scenePos.x(), scenePlot.bottom()));
    d->crossY->setLine(QLineF(scenePlot.left(), scenePos.y(), scenePlot.right(), scenePos.y()));
    d->crossX->show();
    d->crossY->show();
}

ChartKind ChartCanvas::kind() const {
    return d->kind;
}
TimeNs ChartCanvas::begin() const {
    return d->begin;
}
TimeNs ChartCanvas::end() const {
    return d->end;
}
double ChartCanvas::valueMin() const {
    return d->valueMin;
}
double ChartCanvas::valueMax() const {
    return d->valueMax;
}
ValueKind ChartCanvas::valueKind() const {
    return d->valueKind;
}
AxisScale ChartCanvas::timeScale() const {
    return d->timeScale;
}
AxisScale ChartCanvas::valueScale() const {
    return d->valueScale;
}
qsizetype ChartCanvas::pointCount() const {
    return d->points;
}
QWidget* ChartCanvas::viewport() const {
    return d->view->viewport();
}

QRectF ChartCanvas::plotArea() const {
    const QRectF scenePlot = d->chart->mapRectToScene(d->chart->plotArea());
    return QRectF(d->view->mapFromScene(scenePlot.topLeft()),
                  d->view->mapFromScene(scenePlot.bottomRight()));
}

ChartPoint ChartCanvas::valueAt(QPointF viewportPosition) const {
    const QRectF plot = plotArea();
    const double fx = (viewportPosition.x() - plot.left()) / std::max(plot.width(), 1.0);
    const double fy = (plot.bottom() - viewportPosition.y()) / std::max(plot.height(), 1.0);
    const auto span = static_cast<double>(d->end - d->begin);
    return {d->begin + static_cast<TimeNs>(fx * span),
            d->valueMin + fy * (d->valueMax - d->valueMin)};
}

bool ChartCanvas::isRoleVisible(SeriesRole role) const {
    return !d->hidden[static_cast<int>(role)];
}

void ChartCanvas::setRoleVisible(SeriesRole role, bool visible) {
    const int i = static_cast<int>(role);
    if (d->hidden[i] == !visible)
        return;
    d->hidden[i] = !visible;
    d->of(role)->setVisible(visible);
    d->layer->setRoleVisible(role, visible);
    for (QLegendMarker* marker : d->chart->legend()->markers(d->of(role))) {
        // Qt hides a hidden series' marker too; keep it, greyed, to turn it back on.
        marker->setVisible(true);
        marker->setLabelBrush(visible ? QColor(Qt::black) : QColor(Qt::gray));
    }
    emit roleVisibilityChanged(role, visible);
}

void ChartCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeLegend();
}

// Beside the ladder the chart's column is narrow: a legend along the bottom
// would elide every name ("Wi… SA… Se…"), one down the right side shows them
// whole. The bottom is kept when the names fit in one row.
void ChartCanvas::placeLegend() {
    QLegend* legend = d->chart->legend();
    const QFontMetricsF metrics(legend->font());
    double row = 0;
    for (QLegendMarker* marker : legend->markers())
        if (marker->isVisible())
            row += metrics.horizontalAdvance(marker->label()) + kLegendMarkerExtra;
    const Qt::Alignment side = row > width() - 24 ? Qt::AlignRight : Qt::AlignBottom;
    if (legend->alignment() == side)
        return;
    legend->setAlignment(side);
    // A column of a dozen names fits a short chart in a slightly smaller font.
    QFont font = d->chart->font();
    if (side == Qt::AlignRight)
        font.setPointSizeF(font.pointSizeF() * kSideLegendFontScale);
    legend->setFont(font);
}

void ChartCanvas::layoutNow() {
    placeLegend();
    d->view->setGeometry(rect());
    d->chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size())));
    d->chart->layout()->activate();
    // The legend lays its markers out in a layout of its own.
    if (QGraphicsLayout* legendLayout = d->chart->legend()->layout())
        legendLayout->activate();
    d->layer->setPlotArea(d->chart->plotArea());
}

void ChartCanvas::render(QPainter* painter, const QRectF& target) {
    const bool shown = d->crossX->isVisible();
    d->crossX->hide();
    d->crossY->hide();
    d->chart->scene()->render(painter, target, d->chart->sceneBoundingRect());
    d->crossX->setVisible(shown);
    d->crossY->setVisible(shown);
}

} // namespace tcpladder::ui
