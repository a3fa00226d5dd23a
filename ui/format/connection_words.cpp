#include "format/connection_words.h"

#include "format/qt_text.h"
#include "format/units.h"

namespace tcpladder::ui {

QString closeInWords(const ConnectionFacts& facts) {
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
                       .arg(verb, formatBytes(facts.summary.bytesBeforeClose),
                            formatDuration(facts.summary.closeAfter));
    if (facts.summary.clientCut == ClientCut::FinMidAnswer)
        text += QStringLiteral(", while the server was still sending");
    else if (facts.summary.clientCut == ClientCut::FinBeforeAnswer)
        text += QStringLiteral(", before the server answered");
    return text;
}

QString cutInWords(ClientCut cut) {
    switch (cut) {
    case ClientCut::Reset:
        return QStringLiteral("yes, the client reset it");
    case ClientCut::FinBeforeAnswer:
        return QStringLiteral("yes, client FIN before the server answered");
    case ClientCut::FinMidAnswer:
        return QStringLiteral("yes, client FIN while the server was still sending");
    case ClientCut::No:
        break;
    }
    return QStringLiteral("no");
}

QString stateInWords(const ConnectionFacts& facts) {
    return QStringLiteral("%1: %2").arg(toQString(connStateCode(facts.summary.state)),
                                        toQString(connStateMeaning(facts.summary.state)));
}

} // namespace tcpladder::ui
