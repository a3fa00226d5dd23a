#pragma once

#include "messages/application_summary.h"
#include "messages/connection_messages.h"

#include <string>
#include <vector>

namespace tcpladder::test {

// Where the summary read while loading says something else than the full
// message list of the same connection (readConnectionMessages(), an
// independent path: its own reassembly over re-read packets): the protocol,
// HTTP request and response counts, the first request, every wait, the TLS
// names and the first alert, the DNS query, the SSH banners. Empty when they
// agree.
std::vector<std::string> summaryDisagreements(const std::optional<ApplicationSummary>& summary,
                                              const ConnectionMessages& messages);

} // namespace tcpladder::test
