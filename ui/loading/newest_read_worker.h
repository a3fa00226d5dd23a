#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <type_traits>

namespace tcpladder::ui {

// One worker thread for the reads a selection asks for (a connection's
// messages, a packet's headers), where only the newest request matters. A
// read waits behind the one running rather than racing it for the file;
// each request takes a new generation, so a read still queued when the
// selection moves on is skipped and an outcome for an older one is dropped.
class NewestReadWorker {
public:
    NewestReadWorker() { m_pool.setMaxThreadCount(1); }
    // Waits for a read still running: it holds what it reads.
    ~NewestReadWorker() {
        ++m_generation;
        m_pool.waitForDone();
    }
    NewestReadWorker(const NewestReadWorker&) = delete;
    NewestReadWorker& operator=(const NewestReadWorker&) = delete;

    // Supersedes every request before; returns the new one's generation.
    quint64 supersede() { return ++m_generation; }
    bool isNewest(quint64 generation) const { return generation == m_generation; }
    // Blocks until no read runs any more.
    bool waitForIdle(int timeoutMs) { return m_pool.waitForDone(timeoutMs); }

    // Runs `read()` on the worker unless superseded before it starts, then
    // `done(outcome)` on `context`'s thread unless superseded by then. A
    // skipped read's outcome is a default-made one, never handed to `done`.
    template <typename Read, typename Done>
    void run(QObject* context, quint64 generation, Read read, Done done) {
        using Outcome = std::invoke_result_t<Read&>;
        auto* watcher = new QFutureWatcher<Outcome>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                         [this, watcher, generation, done = std::move(done)] {
                             const bool current =
                                 isNewest(generation) && watcher->future().resultCount() > 0;
                             if (current)
                                 done(watcher->future().result());
                             watcher->deleteLater();
                         });
        watcher->setFuture(QtConcurrent::run(
            &m_pool, [this, generation, read = std::move(read)]() mutable -> Outcome {
                return isNewest(generation) ? read() : Outcome{};
            }));
    }

private:
    QThreadPool m_pool;
    std::atomic<quint64> m_generation = 0;
};

} // namespace tcpladder::ui
