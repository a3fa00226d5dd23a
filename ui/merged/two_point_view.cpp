#include "merged/two_point_view.h"

#include "chart/chart_canvas.h"
#include "chart/one_way_delay_chart.h"
#include "format/qt_text.h"
#include "ladder/merged_ladder_view.h"
#include "merged/merge_summary_text.h"
#include "merged/merged_packet_details_pane.h"
#include "models/merged_connection_proxy.h"
#include "models/merged_connection_table_model.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace tcpladder::ui {

TwoPointView::TwoPointView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("twoPointView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("mergeHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: #607d8b"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_header, 1);
    m_oneSided = new QCheckBox(tr("Show connections seen at one point only"), this);
    m_oneSided->setObjectName(QStringLiteral("showOneSided"));
    m_oneSided->setChecked(true);
    bar->addWidget(m_oneSided);
    layout->addLayout(bar);
    layout->addWidget(m_notes);

    m_model = new MergedConnectionTableModel(this);
    m_proxy = new MergedConnectionProxy(this);
    m_proxy->setSourceModel(m_model);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("mergedTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MergedConnectionTableModel::IdColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_tabs = new QTabWidget(splitter);
    auto* ladderArea = new QSplitter(Qt::Horizontal, m_tabs);
    ladderArea->setChildrenCollapsible(false);
    m_ladder = new MergedLadderView(ladderArea);
    m_details = new MergedPacketDetailsPane(ladderArea);
    ladderArea->addWidget(m_ladder);
    ladderArea->addWidget(m_details);
    ladderArea->setStretchFactor(0, 3);
    ladderArea->setStretchFactor(1, 1);
    // The ladder needs the width, the details a column: sizes in proportion,
    // scaled to the splitter's width once it has one (the details tree's
    // size hint alone would take most of it).
    ladderArea->setSizes({3000, 1000});
    m_chart = new ChartCanvas(m_tabs);
    m_chart->setObjectName(QStringLiteral("delayChart"));
    m_tabs->addTab(ladderArea, tr("Ladder at both points"));
    m_tabs->addTab(m_chart, tr("One-way delay"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    layout->addWidget(splitter, 1);

    connect(m_ladder, &MergedLadderView::packetSelected, this,
            [this](qint64 packet) { m_details->setPacket(m_merged, m_current, packet); });
    connect(m_oneSided, &QCheckBox::toggled, m_proxy, &MergedConnectionProxy::setShowOneSided);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                showConnection(
                    current.isValid()
                        ? current.data(MergedConnectionTableModel::MergedIndexRole).toInt()
                        : -1);
            });
}

void TwoPointView::setMerged(MergedPtr merged) {
    m_merged = std::move(merged);
    m_model->setMerged(m_merged);
    m_table->resizeColumnsToContents();
    m_header->setText(m_merged ? mergeSummaryText(*m_merged) : QString());
    QStringList notes;
    if (m_merged) {
        for (const std::string& note : m_merged->notes)
            notes << toQString(note);
    }
    m_notes->setText(notes.join(QStringLiteral(" · ")));
    m_notes->setVisible(!notes.isEmpty());
    m_current = -1;
    // Open on the first connection seen at both points: the one worth reading.
    int first = -1;
    if (m_merged) {
        for (std::size_t i = 0; i < m_merged->connections.size() && first < 0; ++i)
            if (m_merged->connections[i].bothSides())
                first = static_cast<int>(i);
        if (first < 0 && !m_merged->connections.empty())
            first = 0;
    }
    if (first >= 0)
        selectConnection(first);
    else
        showConnection(-1);
}

void TwoPointView::selectConnection(int connection) {
    const QModelIndex source = m_model->index(connection, 0);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (index.isValid())
        m_table->setCurrentIndex(index);
    else
        showConnection(connection);
}

void TwoPointView::showConnection(int connection) {
    if (connection == m_current)
        return;
    m_current = connection;
    m_details->setPacket(m_merged, connection, -1);
    if (!m_merged || connection < 0) {
        m_ladder->clear();
        ChartContent empty;
        empty.kind = ChartKind::OneWayDelay;
        empty.valueKind = ValueKind::Duration;
        for (SeriesRole role : rolesOf(ChartKind::OneWayDelay))
            empty.series.push_back({role, {}, {}});
        m_chart->setContent(empty);
    } else {
        m_ladder->setConnection(m_merged, connection);
        const MergedConnection& merged =
            m_merged->connections[static_cast<std::size_t>(connection)];
        m_chart->setContent(buildOneWayDelayChart(*m_merged, merged));
        m_chart->setTitle(tr("One-way delay between the points, connection %1").arg(merged.id));
    }
    emit currentConnectionChanged(connection);
}

} // namespace tcpladder::ui
