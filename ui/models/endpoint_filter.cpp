#include "models/endpoint_filter.h"

#include <QRegularExpression>
#include <arpa/inet.h>

namespace tcpladder::ui {
namespace {

std::optional<IpAddress> parseAddress(const QString& text) {
    const QByteArray bytes = text.toLatin1();
    IpAddress address;
    if (inet_pton(AF_INET, bytes.constData(), address.bytes.data()) == 1)
        return address;
    if (inet_pton(AF_INET6, bytes.constData(), address.bytes.data()) == 1) {
        address.isV6 = true;
        return address;
    }
    return std::nullopt;
}

std::optional<std::uint16_t> parsePort(const QString& text) {
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535 || text.isEmpty() || !text.front().isDigit())
        return std::nullopt;
    return static_cast<std::uint16_t>(port);
}

} // namespace

EndpointFilter::EndpointFilter(const QString& text) {
    static const QRegularExpression kSpace(QStringLiteral("[\\s,]+"));
    for (const QString& term : text.split(kSpace, Qt::SkipEmptyParts))
        m_terms.push_back(parseTerm(term));
}

EndpointFilter::Term EndpointFilter::parseTerm(const QString& text) {
    Term term;
    if (text.startsWith(QChar('['))) {
        const qsizetype close = text.indexOf(QChar(']'));
        const QString rest = close < 0 ? QString() : text.mid(close + 1);
        const auto address = close < 0 ? std::nullopt : parseAddress(text.mid(1, close - 1));
        const auto port = rest.startsWith(QChar(':')) ? parsePort(rest.mid(1)) : std::nullopt;
        if (address && (rest.isEmpty() || port)) {
            term.address = address;
            term.port = port;
            return term;
        }
    } else if (text.startsWith(QChar(':')) && parsePort(text.mid(1))) {
        term.port = parsePort(text.mid(1));
        return term;
    } else if (const auto address = parseAddress(text)) {
        term.address = address;
        return term;
    } else if (text.count(QChar(':')) == 1) {
        const qsizetype colon = text.indexOf(QChar(':'));
        const auto v4 = parseAddress(text.left(colon));
        const auto port = parsePort(text.mid(colon + 1));
        if (v4 && !v4->isV6 && port) {
            term.address = v4;
            term.port = port;
            return term;
        }
    }
    term.fragment = text.toLower().toStdString();
    return term;
}

bool EndpointFilter::matches(const Term& term, const Endpoint& endpoint) {
    if (!term.fragment.empty())
        return formatEndpoint(endpoint.address, endpoint.port).find(term.fragment) !=
               std::string::npos;
    return (!term.address || *term.address == endpoint.address) &&
           (!term.port || *term.port == endpoint.port);
}

bool EndpointFilter::matches(const Connection& connection) const {
    for (const Term& term : m_terms) {
        if (!matches(term, connection.endpoints[kSideA]) &&
            !matches(term, connection.endpoints[kSideB]))
            return false;
    }
    return true;
}

} // namespace tcpladder::ui
