#pragma once

#include "messages/application_summary.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace tcpladder {

// The application summaries of a capture's connections, each encoded
// (summary_codec) into one shared byte arena: no allocation per connection,
// and a tenth of the decoded size, so a capture of a million connections
// keeps its summaries in tens of megabytes. Read one back with of().
class ApplicationSummaries {
public:
    // Where one summary's bytes lie; an empty one means none.
    struct Ref {
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
    };

    // Appends a summary's bytes (none when the arena would pass 4 GiB, which
    // no memory budget reaches) and says where they are.
    Ref add(const ApplicationSummary& summary);
    // Connection `id` gets the summary at `refs[id]`.
    void setConnections(std::vector<Ref> refs) { m_connections = std::move(refs); }

    // Connection `id`'s summary; empty when nothing was recognised.
    std::optional<ApplicationSummary> of(std::uint32_t id) const;
    std::optional<ApplicationSummary> at(Ref ref) const;
    bool empty() const { return m_bytes.empty(); }
    std::size_t memoryBytes() const {
        return m_bytes.capacity() + m_connections.capacity() * sizeof(Ref);
    }

private:
    std::vector<std::uint8_t> m_bytes;
    std::vector<Ref> m_connections;
};

} // namespace tcpladder
