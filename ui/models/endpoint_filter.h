#pragma once

#include "tcp/connection.h"

#include <QString>
#include <optional>
#include <vector>

namespace tcpladder::ui {

// The filter bar's free text: whitespace-separated terms that must all match
// the client or the server endpoint (or the application's names). A term is an address ("10.0.0.5",
// "2001:db8::1"), a port (":443"), both ("10.0.0.5:443", "[2001:db8::1]:443"),
// or, while still being typed, any piece of "address:port" text ("10.0.").
class EndpointFilter {
public:
    EndpointFilter() = default;
    explicit EndpointFilter(const QString& text);

    bool isEmpty() const { return m_terms.empty(); }
    bool matches(const Connection& connection) const;
    // Also lets a term match the connection's application names
    // (applicationSearchText(): a host, a target, an SNI), as a substring.
    bool matches(const Connection& connection, const QString& applicationText) const;

private:
    struct Term {
        std::optional<IpAddress> address;
        std::optional<std::uint16_t> port;
        std::string fragment; // set when the term is neither address nor port
        QString lower;        // the term as typed, lower case
    };

    static Term parseTerm(const QString& text);
    static bool matches(const Term& term, const Endpoint& endpoint);

    std::vector<Term> m_terms;
};

} // namespace tcpladder::ui
