#include "format/application_text.h"

#include "format/qt_text.h"
#include "format/units.h"
#include "messages/tls_names.h"

#include <QStringList>

namespace tcpladder::ui {
namespace {

const QString kDot = QStringLiteral(" · ");

QString exchangeText(const HttpExchange& e) {
    QString text = toQString(e.method) + QChar(' ') + toQString(e.target);
    if (e.status)
        text += QStringLiteral(" → %1").arg(e.status);
    return text;
}

QString sshSoftware(const std::string& banner) {
    // "SSH-2.0-OpenSSH_9.2 Debian": the software after the protocol version.
    const QString text = toQString(banner);
    const qsizetype dash = text.indexOf(QChar('-'), 4);
    return dash > 0 ? text.mid(dash + 1) : text;
}

} // namespace

QString applicationText(const std::optional<ApplicationSummary>& app,
                        const HttpExchange* firstSlow) {
    if (!app || !app->protocol)
        return {};
    QString text = QString::fromUtf8(protocolName(*app->protocol));
    switch (*app->protocol) {
    case MessageProtocol::Http:
        text += kDot + (app->requests == 1 ? QStringLiteral("1 request")
                                           : QStringLiteral("%1 requests").arg(app->requests));
        if (firstSlow)
            text += kDot + QStringLiteral("slow: ") + exchangeText(*firstSlow) +
                    QStringLiteral(" after %1").arg(formatDuration(firstSlow->wait));
        else if (app->first)
            text += kDot + exchangeText(*app->first);
        break;
    case MessageProtocol::Tls:
        if (!app->sni.empty())
            text += kDot + toQString(app->sni);
        if (!app->alpn.empty())
            text += kDot + toQString(app->alpn);
        if (!app->alert.empty())
            text += kDot + toQString(app->alert);
        break;
    case MessageProtocol::Ssh:
        if (!app->serverText.empty())
            text += kDot + sshSoftware(app->serverText);
        else if (!app->clientText.empty())
            text += kDot + sshSoftware(app->clientText);
        break;
    case MessageProtocol::Dns:
        if (!app->clientText.empty())
            text += kDot + toQString(app->clientText);
        if (!app->serverText.empty() && app->serverText != "NOERROR")
            text += kDot + toQString(app->serverText);
        break;
    case MessageProtocol::Text:
        if (!app->serverText.empty())
            text += kDot + toQString(app->serverText);
        break;
    }
    if (app->truncated)
        text += QStringLiteral(" …");
    return text;
}

QString applicationSearchText(const std::optional<ApplicationSummary>& app) {
    if (!app || !app->protocol)
        return {};
    QStringList parts{QString::fromUtf8(protocolName(*app->protocol)),
                      toQString(app->host),
                      toQString(app->sni),
                      toQString(app->alpn),
                      toQString(app->clientText),
                      toQString(app->serverText)};
    for (const auto* e :
         {app->first ? &*app->first : nullptr, app->slowest ? &*app->slowest : nullptr})
        if (e)
            parts << exchangeText(*e);
    for (const HttpExchange& e : app->risingWaits)
        parts << exchangeText(e);
    return parts.join(QChar('\n')).toLower();
}

QString applicationToolTip(const std::optional<ApplicationSummary>& app,
                           const HttpExchange* firstSlow, TimeNs slowThreshold) {
    if (!app || !app->protocol)
        return QStringLiteral("No application protocol recognised");
    QStringList lines{applicationText(app, firstSlow)};
    if (*app->protocol == MessageProtocol::Http) {
        const auto waited = [](const HttpExchange& e) {
            return e.wait >= 0 ? QStringLiteral(", waited %1 (request #%2, frame %3)")
                                     .arg(formatDuration(e.wait))
                                     .arg(e.index + 1)
                                     .arg(e.responseFrame)
                               : QString();
        };
        if (!app->host.empty())
            lines << QStringLiteral("Host: ") + toQString(app->host);
        if (app->first)
            lines << QStringLiteral("First: ") + exchangeText(*app->first) + waited(*app->first);
        if (app->slowest)
            lines << QStringLiteral("Slowest: ") + exchangeText(*app->slowest) +
                         waited(*app->slowest);
        if (firstSlow)
            lines << QStringLiteral("First slow (above %1): ").arg(formatDuration(slowThreshold)) +
                         exchangeText(*firstSlow) + waited(*firstSlow);
    } else if (*app->protocol == MessageProtocol::Tls && app->tlsVersion) {
        lines << toQString(tlsVersionName(app->tlsVersion));
    }
    if (app->truncated)
        lines << QStringLiteral("… the capture lacks some of the bytes: a lower bound");
    return lines.join(QChar('\n'));
}

} // namespace tcpladder::ui
