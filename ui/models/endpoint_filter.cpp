#include "models/endpoint_filter.h"

#include "tcp/endpoint_pattern.h"

#include <QRegularExpression>

namespace tcpladder::ui {

EndpointFilter::EndpointFilter(const QString& text) {
    static const QRegularExpression kSpace(QStringLiteral("[\\s,]+"));
    for (const QString& term : text.split(kSpace, Qt::SkipEmptyParts))
        m_terms.push_back(parseTerm(term));
}

EndpointFilter::Term EndpointFilter::parseTerm(const QString& text) {
    Term term;
    term.lower = text.toLower();
    if (const auto pattern = parseEndpointPattern(text.toStdString())) {
        term.address = pattern->address;
        term.port = pattern->port;
        return term;
    }
    term.fragment = text.toLower().toStdString();
    return term;
}

bool EndpointFilter::matches(const Term& term, const Endpoint& endpoint) {
    if (!term.fragment.empty())
        return formatEndpoint(endpoint.address, endpoint.port).find(term.fragment) !=
               std::string::npos;
    return EndpointPattern{term.address, term.port}.matches(endpoint);
}

bool EndpointFilter::matches(const Connection& connection) const {
    return matches(connection, QString());
}

bool EndpointFilter::matches(const Connection& connection, const QString& applicationText) const {
    for (const Term& term : m_terms) {
        if (!matches(term, connection.endpoints[kSideA]) &&
            !matches(term, connection.endpoints[kSideB]) &&
            !(!applicationText.isEmpty() && applicationText.contains(term.lower)))
            return false;
    }
    return true;
}

} // namespace tcpladder::ui
