#pragma once

#include "loading/capture_snapshot.h"
#include "loading/load_progress.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>

namespace tcpladder::ui {

// Loads one capture at a time on a worker thread and hands the result over
// once, as an immutable snapshot. Starting a new load or cancelling bumps a
// generation counter, so whatever an older load still reports is dropped.
class CaptureLoadJob : public QObject {
    Q_OBJECT

public:
    // The core's loadCapture, or a stand-in a test puts there to watch it.
    using LoadFunction = std::function<Result<std::shared_ptr<LoadedCapture>>(
        const std::string& path, const LoadOptions& options)>;

    explicit CaptureLoadJob(QObject* parent = nullptr);
    // Cancels a running load and waits the few milliseconds the core takes to
    // notice, so that quitting during a load is immediate and clean.
    ~CaptureLoadJob() override;

    void start(const QString& path);
    void cancel();
    bool isRunning() const { return m_running; }
    QString path() const { return m_path; }
    void setLoadFunction(LoadFunction load) { m_load = std::move(load); }
    // What the index of the next loads may hold (LoadOptions::memoryBudget).
    void setMemoryBudget(std::uint64_t bytes) { m_memoryBudget = bytes; }
    // Blocks until no load runs on the worker any more, cancelled ones too.
    bool waitForIdle(int timeoutMs = -1);

signals:
    void started(const QString& path);
    void progressed(const tcpladder::ui::LoadProgressInfo& progress);
    void loaded(const tcpladder::ui::SnapshotPtr& snapshot);
    void failed(const QString& path, const QString& reason);
    void cancelled(const QString& path);

private:
    struct Outcome {
        SnapshotPtr snapshot;
        QString error;
    };

    static void run(QPromise<Outcome>& promise, CaptureLoadJob* job, LoadFunction load,
                    quint64 generation, const std::string& path, std::uint64_t memoryBudget);
    void post(quint64 generation, const LoadProgressInfo& progress);
    void dropRunning();
    void finish(quint64 generation, const QFuture<Outcome>& future);

    LoadFunction m_load;
    std::uint64_t m_memoryBudget = defaultMemoryBudget();
    QThreadPool m_pool;
    QFuture<Outcome> m_future;
    quint64 m_generation = 0;
    bool m_running = false;
    QString m_path;
};

} // namespace tcpladder::ui
