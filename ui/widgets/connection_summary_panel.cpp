#include "widgets/connection_summary_panel.h"

#include "format/connection_words.h"
#include "format/qt_text.h"
#include "format/units.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tcpladder::ui {
namespace {

QString orNone(const std::optional<TimeNs>& value, const QString& none) {
    return value ? formatDuration(*value) : none;
}

QString bytesText(std::uint64_t bytes) {
    return bytes < 1000
               ? formatBytes(bytes)
               : QStringLiteral("%1 (%2 bytes)").arg(formatBytes(bytes), formatCount(bytes));
}

} // namespace

ConnectionSummaryPanel::ConnectionSummaryPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("connectionSummary"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    m_empty = new QLabel(tr("Select a connection in the table to see how it went."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_pages->addWidget(m_empty);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    auto* layout = new QVBoxLayout(page);
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("connectionTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    layout->addLayout(grid);
    layout->addStretch(1);

    QFormLayout* outcome = addGroup(grid, 0, tr("Outcome"));
    addField(outcome, QStringLiteral("state"), tr("State"));
    addField(outcome, QStringLiteral("ended"), tr("Ended"));
    addField(outcome, QStringLiteral("cutShort"), tr("Cut short by client"));
    addField(outcome, QStringLiteral("clientRole"), tr("Client known from"));

    QFormLayout* timing = addGroup(grid, 1, tr("Timing"));
    addField(timing, QStringLiteral("start"), tr("Start"));
    addField(timing, QStringLiteral("duration"), tr("Duration"));
    addField(timing, QStringLiteral("handshake"), tr("Handshake RTT"));
    addField(timing, QStringLiteral("firstByte"), tr("First server byte"));
    addField(timing, QStringLiteral("slow"), tr("Slow?"));

    QFormLayout* traffic = addGroup(grid, 2, tr("Traffic"));
    addField(traffic, QStringLiteral("packets"), tr("Packets → / ←"));
    addField(traffic, QStringLiteral("bytesToServer"), tr("Bytes →"));
    addField(traffic, QStringLiteral("bytesToClient"), tr("Bytes ←"));
    addField(traffic, QStringLiteral("retransmissions"), tr("Retransmissions"));
    addField(traffic, QStringLiteral("dupAcks"), tr("Duplicate ACKs"));
    addField(traffic, QStringLiteral("zeroWindows"), tr("Zero windows"));
    addField(traffic, QStringLiteral("frames"), tr("Frames"));
    for (int column = 0; column < 3; ++column)
        grid->setColumnStretch(column, 1);

    scroll->setWidget(page);
    m_pages->addWidget(scroll);
}

QFormLayout* ConnectionSummaryPanel::addGroup(QGridLayout* grid, int column, const QString& title) {
    auto* box = new QGroupBox(title);
    auto* form = new QFormLayout(box);
    form->setLabelAlignment(Qt::AlignRight);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    grid->addWidget(box, 0, column);
    return form;
}

void ConnectionSummaryPanel::addField(QFormLayout* form, const QString& field,
                                      const QString& label) {
    auto* value = new QLabel;
    value->setObjectName(field);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    form->addRow(label, value);
    m_fields.insert(field, value);
}

void ConnectionSummaryPanel::setField(const QString& field, const QString& text,
                                      const QString& toolTip) {
    QLabel* label = m_fields.value(field);
    label->setText(text);
    label->setToolTip(toolTip);
}

QString ConnectionSummaryPanel::fieldText(const QString& field) const {
    if (field == QLatin1String("title"))
        return m_title->text();
    const QLabel* label = m_fields.value(field);
    return label ? label->text() : QString();
}

void ConnectionSummaryPanel::setSnapshot(const SnapshotPtr& snapshot) {
    m_snapshot = snapshot;
    m_connection = -1;
    refresh();
}

void ConnectionSummaryPanel::setSlowRule(const SlowRule& rule) {
    m_slowRule = rule;
    refresh();
}

void ConnectionSummaryPanel::setConnection(int connectionId) {
    m_connection = connectionId;
    refresh();
}

void ConnectionSummaryPanel::refresh() {
    if (!m_snapshot || m_connection < 0 ||
        static_cast<std::size_t>(m_connection) >= m_snapshot->facts.size()) {
        m_pages->setCurrentWidget(m_empty);
        return;
    }
    m_pages->setCurrentIndex(1);
    const LoadedCapture& capture = *m_snapshot->capture;
    const Connection& c = capture.connections[static_cast<std::size_t>(m_connection)];
    const ConnectionFacts& f = m_snapshot->facts[static_cast<std::size_t>(m_connection)];
    const ConnectionSummary& s = f.summary;
    const Side client = c.clientSide();
    const Side server = c.serverSide();

    m_title->setText(tr("Connection %1   %2  →  %3")
                         .arg(m_connection)
                         .arg(endpointText(c.client()), endpointText(c.server())));

    setField(QStringLiteral("state"), stateInWords(f));
    setField(QStringLiteral("ended"), closeInWords(f));
    setField(QStringLiteral("cutShort"), cutInWords(f.summary.clientCut));
    setField(QStringLiteral("clientRole"), c.firstSynSender >= 0 ? tr("its SYN")
                                           : c.firstSynAckSender >= 0
                                               ? tr("the server's SYN/ACK")
                                               : tr("the port numbers (no handshake seen)"));

    setField(QStringLiteral("start"),
             tr("%1 after the capture's first packet")
                 .arg(formatOffset(c.firstTime - capture.firstTime)),
             toQString(capture.utcText(c.firstTime)));
    setField(QStringLiteral("duration"), formatDuration(c.lastTime - c.firstTime));
    const auto rtt = s.handshakeRtt();
    setField(QStringLiteral("handshake"),
             rtt ? tr("%1  (SYN → SYN/ACK %2, SYN/ACK → ACK %3)")
                       .arg(formatDuration(*rtt), formatDuration(*s.synToSynAck),
                            formatDuration(*s.synAckToAck))
                 : tr("no complete handshake seen"));
    setField(QStringLiteral("firstByte"),
             orNone(s.timeToFirstServerByte, tr("the server sent no payload")));
    QStringList slow;
    if (m_slowRule.rttSlow(f))
        slow << tr("handshake above %1").arg(formatDuration(m_slowRule.rttThreshold(f)));
    if (m_slowRule.ttfbSlow(f))
        slow << tr("first byte above %1").arg(formatDuration(m_slowRule.ttfbThreshold(f)));
    setField(QStringLiteral("slow"), slow.isEmpty() ? tr("no") : tr("yes: ") + slow.join(tr(", ")),
             slowRuleDescription(m_slowRule));

    setField(QStringLiteral("packets"),
             QStringLiteral("%1 / %2").arg(formatCount(c.packets[client]),
                                           formatCount(c.packets[server])));
    setField(QStringLiteral("bytesToServer"), bytesText(c.payloadBytes[client]));
    setField(QStringLiteral("bytesToClient"), bytesText(c.payloadBytes[server]));
    setField(QStringLiteral("retransmissions"), formatCount(s.retransmissions));
    setField(QStringLiteral("dupAcks"), formatCount(s.dupAcks));
    setField(QStringLiteral("zeroWindows"), formatCount(s.zeroWindows));
    setField(QStringLiteral("frames"), tr("%1 to %2").arg(c.firstFrame).arg(c.lastFrame));
}

} // namespace tcpladder::ui
