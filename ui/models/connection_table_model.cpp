#include "models/connection_table_model.h"

#include "format/application_text.h"
#include "format/connection_words.h"
#include "format/qt_text.h"
#include "format/units.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <array>

namespace tcpladder::ui {
namespace {

struct ColumnInfo {
    const char* title;
    const char* toolTip;
    bool numeric;
};

constexpr std::array<ColumnInfo, ConnectionTableModel::ColumnCount> kColumns = {{
    {"#", "Connection number, as Wireshark's tcp.stream", true},
    {"Client", "The side that opened the connection (sent the first SYN)", false},
    {"Server", "The side that accepted the connection", false},
    {"Start", "First packet, in seconds after the capture's first packet", true},
    {"Duration", "From the connection's first packet to its last", true},
    {"Packets ⇄", "Packets client → server / server → client", true},
    {"Bytes →", "TCP payload sent by the client", true},
    {"Bytes ←", "TCP payload sent by the server", true},
    {"Handshake", "Handshake RTT at the capture point: SYN → SYN/ACK → ACK", true},
    {"First byte",
     "Time to first server byte: client's first payload (else its SYN) to the "
     "server's first payload",
     true},
    {"Retrans.", "Retransmitted segments", true},
    {"State", "Zeek's conn_state; the tooltip says it in words", false},
    {"Closed by", "Who sent the first FIN or RST", false},
    {"Application",
     "What the connection carried, read from its payload: HTTP requests (the first slow one "
     "when there is one), TLS server name and ALPN, DNS query, SSH software",
     false},
}};

QByteArray endpointKey(const Endpoint& endpoint) {
    QByteArray key;
    key.reserve(19);
    key.append(static_cast<char>(endpoint.address.isV6));
    key.append(reinterpret_cast<const char*>(endpoint.address.bytes.data()),
               static_cast<qsizetype>(endpoint.address.bytes.size()));
    key.append(static_cast<char>(endpoint.port >> 8));
    key.append(static_cast<char>(endpoint.port & 0xff));
    return key;
}

bool endpointLess(const Endpoint& a, const Endpoint& b) {
    if (a.address.isV6 != b.address.isV6)
        return !a.address.isV6;
    if (a.address.bytes != b.address.bytes)
        return a.address.bytes < b.address.bytes;
    return a.port < b.port;
}

QString optionalDuration(const std::optional<TimeNs>& value) {
    return value ? formatDuration(*value) : QString();
}

} // namespace

ConnectionTableModel::ConnectionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ConnectionTableModel::setSnapshot(SnapshotPtr snapshot) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    formatApplications();
    endResetModel();
}

void ConnectionTableModel::formatApplications() {
    m_applicationTexts.clear();
    m_applicationSearch.clear();
    if (!m_snapshot)
        return;
    const LoadedCapture& capture = *m_snapshot->capture;
    const std::size_t rows = m_snapshot->facts.size();
    m_applicationTexts.reserve(rows);
    m_applicationSearch.reserve(rows);
    for (std::uint32_t id = 0; id < rows; ++id) {
        const auto app = capture.application(id);
        m_applicationTexts.push_back(
            ui::applicationText(app, m_slowRule.firstSlowRequest(m_snapshot->facts[id])));
        m_applicationSearch.push_back(ui::applicationSearchText(app));
    }
}

const QString& ConnectionTableModel::applicationText(int row) const {
    return m_applicationTexts[static_cast<std::size_t>(row)];
}

const QString& ConnectionTableModel::applicationSearchText(int row) const {
    return m_applicationSearch[static_cast<std::size_t>(row)];
}

void ConnectionTableModel::setSlowRule(const SlowRule& rule) {
    if (rule == m_slowRule)
        return;
    m_slowRule = rule;
    formatApplications();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const Connection& ConnectionTableModel::connection(int row) const {
    return m_snapshot->capture->connections[static_cast<std::size_t>(row)];
}

const ConnectionFacts& ConnectionTableModel::facts(int row) const {
    return m_snapshot->facts[static_cast<std::size_t>(row)];
}

int ConnectionTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_snapshot)
        return 0;
    return static_cast<int>(m_snapshot->facts.size());
}

int ConnectionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    const ColumnInfo& info = kColumns[static_cast<std::size_t>(section)];
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromUtf8(info.title);
    case Qt::ToolTipRole:
        return QString::fromUtf8(info.toolTip);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(info.numeric ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ConnectionTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(kColumns[static_cast<std::size_t>(column)].numeric
                                                     ? Qt::AlignRight
                                                     : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    case SortRole:
        return sortValue(row, column);
    case ConnectionIdRole:
        return row;
    case SlowRole:
        return isSlow(row);
    case Qt::BackgroundRole:
    case Qt::ForegroundRole:
    case Qt::FontRole:
        return emphasis(row, column, role);
    default:
        return {};
    }
}

QVariant ConnectionTableModel::display(int row, int column) const {
    const Connection& c = connection(row);
    const ConnectionFacts& f = facts(row);
    const LoadedCapture& capture = *m_snapshot->capture;
    switch (column) {
    case IdColumn:
        return row;
    case ClientColumn:
        return endpointText(c.client());
    case ServerColumn:
        return endpointText(c.server());
    case StartColumn:
        return formatOffset(c.firstTime - capture.firstTime);
    case DurationColumn:
        return formatDuration(c.lastTime - c.firstTime);
    case PacketsColumn:
        return QStringLiteral("%1 / %2").arg(formatCount(c.packets[c.clientSide()]),
                                             formatCount(c.packets[c.serverSide()]));
    case BytesToServerColumn:
        return formatBytes(c.payloadBytes[c.clientSide()]);
    case BytesToClientColumn:
        return formatBytes(c.payloadBytes[c.serverSide()]);
    case HandshakeRttColumn:
        return optionalDuration(f.summary.handshakeRtt());
    case FirstByteColumn:
        return optionalDuration(f.summary.timeToFirstServerByte);
    case RetransmissionsColumn:
        return formatCount(f.summary.retransmissions);
    case StateColumn:
        return toQString(connStateCode(f.summary.state));
    case ClosedByColumn:
        return toQString(closedByText(f.summary.closedBy));
    case ApplicationColumn:
        return applicationText(row);
    default:
        return {};
    }
}

QVariant ConnectionTableModel::toolTip(int row, int column) const {
    const Connection& c = connection(row);
    const ConnectionFacts& f = facts(row);
    const ConnectionSummary& s = f.summary;
    const LoadedCapture& capture = *m_snapshot->capture;
    switch (column) {
    case StartColumn:
        return QStringLiteral("%1\n%2 s after the capture's first packet")
            .arg(toQString(capture.utcText(c.firstTime)),
                 toQString(formatSeconds(c.firstTime - capture.firstTime)));
    case DurationColumn:
        return QStringLiteral("%1 s, frames %2 to %3")
            .arg(toQString(formatSeconds(c.lastTime - c.firstTime)))
            .arg(c.firstFrame)
            .arg(c.lastFrame);
    case PacketsColumn:
        return QStringLiteral("%1 packets client → server, %2 server → client")
            .arg(formatCount(c.packets[c.clientSide()]), formatCount(c.packets[c.serverSide()]));
    case BytesToServerColumn:
    case BytesToClientColumn: {
        const bool toServer = column == BytesToServerColumn;
        const Side side = toServer ? c.clientSide() : c.serverSide();
        return QStringLiteral("%1 bytes of payload %2")
            .arg(formatCount(c.payloadBytes[side]),
                 toServer ? QStringLiteral("client → server") : QStringLiteral("server → client"));
    }
    case HandshakeRttColumn:
        if (!s.handshakeRtt())
            return QStringLiteral("No complete handshake seen");
        return QStringLiteral("SYN → SYN/ACK %1, SYN/ACK → ACK %2\nslow above %3")
            .arg(formatDuration(*s.synToSynAck), formatDuration(*s.synAckToAck),
                 formatDuration(m_slowRule.rttThreshold(f)));
    case FirstByteColumn:
        if (!s.timeToFirstServerByte)
            return QStringLiteral("The server sent no payload");
        return QStringLiteral("slow above %1").arg(formatDuration(m_slowRule.ttfbThreshold(f)));
    case RetransmissionsColumn:
        return QStringLiteral("%1 retransmissions, %2 duplicate ACKs, %3 zero windows")
            .arg(formatCount(s.retransmissions), formatCount(s.dupAcks),
                 formatCount(s.zeroWindows));
    case StateColumn:
    case ClosedByColumn:
        return closeInWords(f) + QChar('\n') + stateInWords(f);
    case ApplicationColumn: {
        const HttpExchange* slow = m_slowRule.firstSlowRequest(f);
        return applicationToolTip(capture.application(static_cast<std::uint32_t>(row)), slow,
                                  slow ? m_slowRule.requestThreshold(f, *slow) : 0);
    }
    default:
        return display(row, column);
    }
}

QVariant ConnectionTableModel::sortValue(int row, int column) const {
    switch (column) {
    case ClientColumn:
        return endpointKey(connection(row).client());
    case ServerColumn:
        return endpointKey(connection(row).server());
    case StateColumn:
        return toQString(connStateCode(facts(row).summary.state));
    case ApplicationColumn:
        return applicationText(row);
    default:
        return numericKey(row, column);
    }
}

qint64 ConnectionTableModel::numericKey(int row, int column) const {
    const Connection& c = connection(row);
    const ConnectionSummary& s = facts(row).summary;
    const auto orMissing = [](const std::optional<TimeNs>& value) -> qint64 {
        return value ? *value : -1;
    };
    switch (column) {
    case StartColumn:
        return c.firstTime;
    case DurationColumn:
        return c.lastTime - c.firstTime;
    case PacketsColumn:
        return static_cast<qint64>(c.packets[0] + c.packets[1]);
    case BytesToServerColumn:
        return static_cast<qint64>(c.payloadBytes[c.clientSide()]);
    case BytesToClientColumn:
        return static_cast<qint64>(c.payloadBytes[c.serverSide()]);
    case HandshakeRttColumn:
        return orMissing(s.handshakeRtt());
    case FirstByteColumn:
        return orMissing(s.timeToFirstServerByte);
    case RetransmissionsColumn:
        return static_cast<qint64>(s.retransmissions);
    case ClosedByColumn:
        return static_cast<qint64>(s.closedBy);
    default:
        return row;
    }
}

bool ConnectionTableModel::lessThan(int left, int right, int column) const {
    switch (column) {
    case ClientColumn:
        return endpointLess(connection(left).client(), connection(right).client());
    case ServerColumn:
        return endpointLess(connection(left).server(), connection(right).server());
    case StateColumn:
        return connStateCode(facts(left).summary.state) < connStateCode(facts(right).summary.state);
    case ApplicationColumn:
        return applicationText(left) < applicationText(right);
    default:
        return numericKey(left, column) < numericKey(right, column);
    }
}

QVariant ConnectionTableModel::emphasis(int row, int column, int role) const {
    const ConnectionFacts& f = facts(row);
    if (role == Qt::BackgroundRole)
        return m_slowRule.isSlow(f) ? QVariant(QBrush(QColor(255, 166, 0, 70))) : QVariant();
    if (role == Qt::FontRole) {
        const bool slowCell = (column == HandshakeRttColumn && m_slowRule.rttSlow(f)) ||
                              (column == FirstByteColumn && m_slowRule.ttfbSlow(f));
        if (!slowCell)
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    if (column == RetransmissionsColumn && f.summary.retransmissions > 0)
        return QBrush(QColor(200, 60, 30));
    if (column == StateColumn && f.clientCutShort())
        return QBrush(QColor(200, 60, 30));
    return {};
}

} // namespace tcpladder::ui
