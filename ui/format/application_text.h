#pragma once

#include "analysis/slow_rule.h"
#include "messages/application_summary.h"

#include <QString>

namespace tcpladder::ui {

// The Application column: "HTTP · 3 requests · GET /api/orders → 200",
// "TLS · example.com · h2", "DNS · example.com A", "SSH · OpenSSH_9.2"; a
// connection with a slow request names it and its wait. Empty when nothing
// was recognised.
QString applicationText(const std::optional<ApplicationSummary>& app,
                        const HttpExchange* firstSlow);
// Every name the filter box can find the connection by (hosts, targets,
// SNI, banners), lower case.
QString applicationSearchText(const std::optional<ApplicationSummary>& app);
// The tooltip: the first and the slowest request, with their waits.
QString applicationToolTip(const std::optional<ApplicationSummary>& app,
                           const HttpExchange* firstSlow, TimeNs slowThreshold);

} // namespace tcpladder::ui
