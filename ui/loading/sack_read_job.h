#pragma once

#include "chart/sack_reader.h"
#include "load/loaded_capture.h"
#include "loading/newest_read_worker.h"

#include <QObject>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace tcpladder::ui {

// Re-reads the SACK blocks of the packets a chart range asks for on a worker
// thread, never on the GUI thread; a newer request (the range moved, another
// connection) supersedes the one before.
class SackReadJob : public QObject {
    Q_OBJECT

public:
    struct Read {
        const LoadedCapture* capture = nullptr; // identifies the request, not for reading
        std::uint32_t connection = 0;
        std::vector<std::pair<std::size_t, SackBlocks>> blocks;
    };

    explicit SackReadJob(QObject* parent = nullptr);

    void request(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                 std::vector<std::size_t> indexes);
    // Drops the request under way (the connection went away).
    void cancel() { m_worker.supersede(); }
    // Blocks until no read runs on the worker any more.
    bool waitForIdle(int timeoutMs = -1) { return m_worker.waitForIdle(timeoutMs); }

signals:
    void blocksRead(const std::shared_ptr<const tcpladder::ui::SackReadJob::Read>& read);

private:
    NewestReadWorker m_worker; // waits for a read still running: it holds the capture
};

} // namespace tcpladder::ui
