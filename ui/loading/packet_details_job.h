#pragma once

#include "load/loaded_capture.h"
#include "load/packet_details.h"
#include "loading/newest_read_worker.h"

#include <QObject>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tcpladder::ui {

// Re-reads the full TCP headers of a few packets (the one selected, or its
// copies at two capture points) on a worker thread, never on the GUI
// thread; a newer request supersedes the one before.
class PacketDetailsJob : public QObject {
    Q_OBJECT

public:
    struct Target {
        std::shared_ptr<const LoadedCapture> capture;
        std::uint32_t connection = 0;
        std::size_t index = 0; // within the connection
    };
    // One per target, in the request's order.
    using Details = std::vector<Result<PacketDetails>>;

    explicit PacketDetailsJob(QObject* parent = nullptr);

    // Returns the request's generation, which detailsRead carries.
    quint64 request(std::vector<Target> targets);
    // Drops the request under way (the selection went away).
    void cancel() { m_worker.supersede(); }
    // Blocks until no read runs on the worker any more.
    bool waitForIdle(int timeoutMs = -1) { return m_worker.waitForIdle(timeoutMs); }

signals:
    void detailsRead(quint64 generation, const std::shared_ptr<const Details>& details);

private:
    NewestReadWorker m_worker; // waits for a read still running: it holds the captures
};

} // namespace tcpladder::ui
