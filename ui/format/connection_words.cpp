#include "format/connection_words.h"

#include "format/qt_text.h"
#include "format/units.h"

namespace tcpladder::ui {

QString closeInWords(const Connection& connection, const ConnectionFacts& facts) {
    QString verb;
    switch (facts.summary.closedBy) {
    case ClosedBy::Nobody:
        return QStringLiteral("not closed within the capture (no FIN or RST)");
    case ClosedBy::ClientRst:
        verb = QStringLiteral("reset by client");
        break;
    case ClosedBy::ServerRst:
        verb = QStringLiteral("reset by server");
        break;
    case ClosedBy::ClientFin:
        verb = QStringLiteral("closed by client");
        break;
    case ClosedBy::ServerFin:
        verb = QStringLiteral("closed by server");
        break;
    }
    QString text = QStringLiteral("%1 after %2, %3 in")
                       .arg(verb, formatBytes(facts.bytesBeforeClose),
                            formatDuration(facts.closeAfter));
    if (facts.summary.closedBy == ClosedBy::ClientFin && facts.clientCutShort) {
        const bool serverSpoke = connection.payloadBytes[connection.serverSide()] > 0;
        text += serverSpoke ? QStringLiteral(", while the server was still sending")
                            : QStringLiteral(", before the server answered");
    }
    return text;
}

QString stateInWords(const ConnectionFacts& facts) {
    return QStringLiteral("%1: %2")
        .arg(toQString(connStateCode(facts.summary.state)),
             toQString(connStateMeaning(facts.summary.state)));
}

} // namespace tcpladder::ui
