#include "table/table_copy.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace tcpladder::ui {
namespace {

// A tab or line break inside a cell would shift every column after it.
QString cell(const QVariant& value) {
    QString text = value.toString();
    text.replace(QChar('\t'), QChar(' '));
    text.replace(QChar('\n'), QChar(' '));
    return text;
}

} // namespace

QString rowsAsTsv(const QAbstractItemModel& model, const QList<int>& rows,
                  const QList<int>& columns) {
    QStringList lines;
    lines.reserve(rows.size() + 1);
    QStringList fields;
    for (int column : columns)
        fields << cell(model.headerData(column, Qt::Horizontal));
    lines << fields.join(QChar('\t'));
    for (int row : rows) {
        fields.clear();
        for (int column : columns)
            fields << cell(model.index(row, column).data());
        lines << fields.join(QChar('\t'));
    }
    return lines.join(QChar('\n')) + QChar('\n');
}

QString wiresharkFilter(const QList<int>& connectionIds) {
    if (connectionIds.isEmpty())
        return {};
    if (connectionIds.size() == 1)
        return QStringLiteral("tcp.stream eq %1").arg(connectionIds.front());
    QStringList ids;
    for (int id : connectionIds)
        ids << QString::number(id);
    return QStringLiteral("tcp.stream in {%1}").arg(ids.join(QChar(' ')));
}

} // namespace tcpladder::ui
