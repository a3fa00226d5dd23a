#pragma once

#include "load/loaded_capture.h"
#include "load/packet_details.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tcpladder::ui {

// Re-reads the full TCP headers of a few packets (the one selected, or its
// copies at two capture points) on a worker thread, never on the GUI
// thread. A newer request supersedes the one before: a generation counter
// drops an older outcome, and skips an older read not yet started.
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
    // Waits for a read still running: it holds the captures.
    ~PacketDetailsJob() override;

    // Returns the request's generation, which detailsRead carries.
    quint64 request(std::vector<Target> targets);
    // Drops the request under way (the selection went away).
    void cancel() { ++m_generation; }
    // Blocks until no read runs on the worker any more.
    bool waitForIdle(int timeoutMs = -1);

signals:
    void detailsRead(quint64 generation, const std::shared_ptr<const Details>& details);

private:
    QThreadPool m_pool;
    std::atomic<quint64> m_generation = 0;
};

} // namespace tcpladder::ui
