#include "store/application_summaries.h"

#include "messages/summary_codec.h"

#include <limits>
#include <span>

namespace tcpladder {

ApplicationSummaries::Ref ApplicationSummaries::add(const ApplicationSummary& summary) {
    const std::size_t offset = m_bytes.size();
    encodeSummary(summary, m_bytes);
    const std::size_t length = m_bytes.size() - offset;
    if (m_bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
        m_bytes.resize(offset);
        return {};
    }
    return {static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(length)};
}

std::optional<ApplicationSummary> ApplicationSummaries::of(std::uint32_t id) const {
    return id < m_connections.size() ? at(m_connections[id]) : std::nullopt;
}

std::optional<ApplicationSummary> ApplicationSummaries::at(Ref ref) const {
    if (ref.length == 0 || std::size_t{ref.offset} + ref.length > m_bytes.size())
        return std::nullopt;
    return decodeSummary(std::span(m_bytes).subspan(ref.offset, ref.length));
}

} // namespace tcpladder
