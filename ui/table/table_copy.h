#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;

namespace tcpladder::ui {

// Rows as tab-separated text, as shown (units included), with a header line:
// what people paste into tickets and chats.
QString rowsAsTsv(const QAbstractItemModel& model, const QList<int>& rows,
                  const QList<int>& columns);
// Wireshark's display filter for these connections: "tcp.stream eq 7" or
// "tcp.stream in {3 7 9}".
QString wiresharkFilter(const QList<int>& connectionIds);

} // namespace tcpladder::ui
