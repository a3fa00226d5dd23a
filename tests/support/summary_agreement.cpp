#include "support/summary_agreement.h"

#include "messages/tls_names.h"

#include <algorithm>

namespace tcpladder::test {
namespace {

std::string fieldOf(const Message& m, const char* name) {
    const std::string* value = m.field(name);
    return value ? *value : std::string();
}

std::vector<const Message*> ofKind(const ConnectionMessages& all, MessageKind kind) {
    std::vector<const Message*> found;
    for (const Message& m : all.messages)
        if (m.kind == kind)
            found.push_back(&m);
    std::stable_sort(found.begin(), found.end(), [](const Message* a, const Message* b) {
        return a->streamOffset < b->streamOffset;
    });
    return found;
}

void expect(std::vector<std::string>& out, const char* what, const std::string& summary,
            const std::string& messages) {
    if (summary != messages)
        out.push_back(std::string(what) + ": summary '" + summary + "', messages '" + messages +
                      "'");
}

void compareHttp(const ApplicationSummary& s, const ConnectionMessages& all,
                 std::vector<std::string>& out) {
    const auto requests = ofKind(all, MessageKind::HttpRequest);
    std::size_t finals = 0;
    for (const Message* m : ofKind(all, MessageKind::HttpResponse))
        finals += fieldOf(*m, "code").starts_with('1') ? 0 : 1;
    expect(out, "requests", std::to_string(s.requests), std::to_string(requests.size()));
    expect(out, "responses", std::to_string(s.responses), std::to_string(finals));
    if (!requests.empty()) {
        const Message& first = *requests.front();
        expect(out, "first method", s.first ? s.first->method : "", fieldOf(first, "method"));
        // The summary keeps a long target's start, marked "...".
        std::string target = s.first ? s.first->target : "";
        if (target.ends_with("..."))
            target.resize(target.size() - 3);
        expect(out, "first target", target, fieldOf(first, "target").substr(0, target.size()));
        expect(out, "host", s.host, fieldOf(first, "host"));
        const std::string status =
            first.pair >= 0 ? fieldOf(all.messages[static_cast<std::size_t>(first.pair)], "code")
                            : "0";
        expect(out, "first status", s.first ? std::to_string(s.first->status) : "", status);
    }
    std::string waits;
    for (const Message* request : requests)
        if (request->pair >= 0) {
            const TimeNs think = all.messages[static_cast<std::size_t>(request->pair)].thinkTime;
            if (think >= 0)
                waits += std::to_string(think) + ' ';
        }
    std::string summaryWaits;
    for (TimeNs wait : s.waits)
        summaryWaits += std::to_string(wait) + ' ';
    expect(out, "waits", summaryWaits, waits);
}

void compareTls(const ApplicationSummary& s, const ConnectionMessages& all,
                std::vector<std::string>& out) {
    const Message* clientHello = nullptr;
    const Message* serverHello = nullptr;
    for (const Message* m : ofKind(all, MessageKind::TlsHandshake)) {
        const std::string type = fieldOf(*m, "handshake_type");
        if (type == "1" && !clientHello)
            clientHello = m;
        if (type == "2" && !serverHello && !m->label.starts_with("HelloRetryRequest"))
            serverHello = m;
    }
    expect(out, "sni", s.sni, clientHello ? fieldOf(*clientHello, "sni") : "");
    const std::string chosen = serverHello ? fieldOf(*serverHello, "alpn") : "";
    expect(out, "alpn", s.alpn,
           !chosen.empty() ? chosen
           : clientHello   ? fieldOf(*clientHello, "alpn")
                           : "");
    const Message* versioned = serverHello ? serverHello : clientHello;
    expect(out, "version", s.tlsVersion ? tlsVersionName(s.tlsVersion) : "",
           versioned ? fieldOf(*versioned, "version") : "");
    std::string alert;
    for (const Message* m : ofKind(all, MessageKind::TlsAlert))
        if (m->field("level")) {
            alert = fieldOf(*m, "level") + ' ' + fieldOf(*m, "description");
            break;
        }
    expect(out, "alert", s.alert, alert);
}

std::string firstOf(const ConnectionMessages& all, MessageKind kind, bool toServer, const char* a,
                    const char* b = nullptr) {
    for (const Message* m : ofKind(all, kind))
        if (m->toServer == toServer && m->field(a))
            return b ? fieldOf(*m, a) + ' ' + fieldOf(*m, b) : fieldOf(*m, a);
    return {};
}

} // namespace

std::vector<std::string> summaryDisagreements(const std::optional<ApplicationSummary>& summary,
                                              const ConnectionMessages& messages) {
    std::vector<std::string> out;
    const std::string protocol =
        summary && summary->protocol ? protocolName(*summary->protocol) : "none";
    expect(out, "protocol", protocol,
           messages.protocol ? protocolName(*messages.protocol) : "none");
    if (!out.empty() || !summary || !summary->protocol)
        return out;
    switch (*summary->protocol) {
    case MessageProtocol::Http:
        compareHttp(*summary, messages, out);
        break;
    case MessageProtocol::Tls:
        compareTls(*summary, messages, out);
        break;
    case MessageProtocol::Dns:
        expect(out, "query", summary->clientText,
               firstOf(messages, MessageKind::DnsQuery, true, "qname", "qtype"));
        break;
    case MessageProtocol::Ssh:
        expect(out, "client banner", summary->clientText,
               firstOf(messages, MessageKind::SshBanner, true, "banner"));
        expect(out, "server banner", summary->serverText,
               firstOf(messages, MessageKind::SshBanner, false, "banner"));
        break;
    case MessageProtocol::Text:
        expect(out, "server line", summary->serverText,
               firstOf(messages, MessageKind::TextLine, false, "line"));
        break;
    }
    return out;
}

} // namespace tcpladder::test
