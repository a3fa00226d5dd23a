#include "models/merged_connection_table_model.h"

#include "format/qt_text.h"
#include "format/units.h"
#include "merged/merged_sides.h"

#include <limits>

namespace tcpladder::ui {
namespace {

QString methodText(MatchMethod method) {
    switch (method) {
    case MatchMethod::FourTupleAndIsn:
        return QObject::tr("matched by addresses, ports and ISNs");
    case MatchMethod::IsnOnly:
        return QObject::tr("matched by ISNs (addresses or ports rewritten)");
    case MatchMethod::Unmatched:
        return QObject::tr("seen at one point only");
    }
    return {};
}

} // namespace

MergedConnectionTableModel::MergedConnectionTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void MergedConnectionTableModel::setMerged(MergedPtr merged) {
    beginResetModel();
    m_merged = std::move(merged);
    endResetModel();
}

const MergedConnection& MergedConnectionTableModel::connection(int row) const {
    return m_merged->connections[static_cast<std::size_t>(row)];
}

Side MergedConnectionTableModel::clientSide(int row) const {
    return mergedClientSide(*m_merged, connection(row));
}

int MergedConnectionTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_merged ? 0 : static_cast<int>(m_merged->connections.size());
}

int MergedConnectionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MergedConnectionTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_merged)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return sortKey(row, index.column());
    case BothSidesRole:
        return connection(row).bothSides();
    case MergedIndexRole:
        return row;
    case Qt::ToolTipRole:
        if (index.column() == SeenColumn)
            return methodText(connection(row).method);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= PacketsColumn || index.column() == IdColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant MergedConnectionTableModel::display(int row, int column) const {
    const MergedConnection& merged = connection(row);
    const Connection& reference = firstSeenConnection(*m_merged, merged);
    const Side client = clientSide(row);
    const Side server = client == kSideA ? kSideB : kSideA;
    const bool both = merged.bothSides();
    const auto delay = [&](Side sender) -> QVariant {
        const DelayStats& stats = merged.oneWayDelay[sender];
        return both && stats.samples > 0 ? formatDuration(stats.median) : QVariant();
    };
    switch (column) {
    case IdColumn:
        return merged.id;
    case ClientColumn:
        return endpointText(reference.endpoints[client]);
    case ServerColumn:
        return endpointText(reference.endpoints[server]);
    case SeenColumn:
        if (both)
            return tr("both sides");
        return tr("point %1 only").arg(firstSeenPoint(merged) + 1);
    case PacketsColumn:
        return formatCount(merged.packets.size());
    case LostToServerColumn:
        return both ? QVariant(formatCount(merged.lostBetween[client])) : QVariant();
    case LostToClientColumn:
        return both ? QVariant(formatCount(merged.lostBetween[server])) : QVariant();
    case DelayToServerColumn:
        return delay(client);
    case DelayToClientColumn:
        return delay(server);
    default:
        return {};
    }
}

// Rows without a figure (one point only) sort after every row that has one.
qint64 MergedConnectionTableModel::sortKey(int row, int column) const {
    constexpr qint64 kNone = std::numeric_limits<qint64>::max();
    const MergedConnection& merged = connection(row);
    const Side client = clientSide(row);
    const Side server = client == kSideA ? kSideB : kSideA;
    const bool both = merged.bothSides();
    const auto delay = [&](Side sender) {
        const DelayStats& stats = merged.oneWayDelay[sender];
        return both && stats.samples > 0 ? static_cast<qint64>(stats.median) : kNone;
    };
    switch (column) {
    case IdColumn:
        return merged.id;
    case ClientColumn:
    case ServerColumn:
        return row;
    case SeenColumn:
        return both ? 0 : 1 + firstSeenPoint(merged);
    case PacketsColumn:
        return static_cast<qint64>(merged.packets.size());
    case LostToServerColumn:
        return both ? static_cast<qint64>(merged.lostBetween[client]) : kNone;
    case LostToClientColumn:
        return both ? static_cast<qint64>(merged.lostBetween[server]) : kNone;
    case DelayToServerColumn:
        return delay(client);
    case DelayToClientColumn:
        return delay(server);
    default:
        return 0;
    }
}

QVariant MergedConnectionTableModel::headerData(int section, Qt::Orientation orientation,
                                                int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("ID");
        case ClientColumn:
            return tr("Client");
        case ServerColumn:
            return tr("Server");
        case SeenColumn:
            return tr("Seen");
        case PacketsColumn:
            return tr("Packets");
        case LostToServerColumn:
            return tr("Lost →");
        case LostToClientColumn:
            return tr("Lost ←");
        case DelayToServerColumn:
            return tr("Delay → (median)");
        case DelayToClientColumn:
            return tr("Delay ← (median)");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case LostToServerColumn:
            return tr("Client-to-server packets seen at the client-side point only: lost "
                      "between the two points");
        case LostToClientColumn:
            return tr("Server-to-client packets seen at the server-side point only: lost "
                      "between the two points");
        case DelayToServerColumn:
            return tr("Median one-way delay from the client-side point to the server-side point");
        case DelayToClientColumn:
            return tr("Median one-way delay from the server-side point to the client-side point");
        default:
            return {};
        }
    }
    return {};
}

} // namespace tcpladder::ui
