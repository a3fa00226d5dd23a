#pragma once

#include "load/capture_loader.h"
#include "loading/load_progress.h"
#include "merged/merged_ptr.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <memory>

namespace tcpladder::ui {

// Loads the captures of two capture points and merges them on a worker
// thread, handing over one immutable MergedCapture. As CaptureLoadJob: a
// generation counter drops what an older run still reports, progress is
// throttled. A capture already loaded (File ▸ Add Capture Point…) is reused.
class MergeLoadJob : public QObject {
    Q_OBJECT

public:
    using LoadFunction = std::function<Result<std::shared_ptr<LoadedCapture>>(
        const std::string& path, const LoadOptions& options)>;
    using MergeFunction = std::function<Result<MergedCapture>(std::shared_ptr<const LoadedCapture>,
                                                              std::shared_ptr<const LoadedCapture>,
                                                              const MergeOptions&)>;

    explicit MergeLoadJob(QObject* parent = nullptr);
    ~MergeLoadJob() override;

    // `firstLoaded`, when given, is `first` already in memory.
    void start(const QString& first, const QString& second,
               std::shared_ptr<const LoadedCapture> firstLoaded = {},
               const MergeOptions& options = {});
    void cancel();
    bool isRunning() const { return m_running; }
    void setLoadFunction(LoadFunction load) { m_load = std::move(load); }
    void setMergeFunction(MergeFunction merge) { m_merge = std::move(merge); }
    void setMemoryBudget(std::uint64_t bytes) { m_memoryBudget = bytes; }
    bool waitForIdle(int timeoutMs = -1);

signals:
    void started(const QString& description);
    void progressed(const tcpladder::ui::LoadProgressInfo& progress);
    void merged(const tcpladder::ui::MergedPtr& merged);
    // `path` names the file that failed, or both joined by " + " when the merge did.
    void failed(const QString& path, const QString& reason);
    void cancelled();

private:
    struct Outcome {
        MergedPtr merged;
        QString path;
        QString error;
    };
    struct Run {
        std::array<std::string, 2> paths;
        std::shared_ptr<const LoadedCapture> firstLoaded;
        MergeOptions options;
        std::uint64_t memoryBudget = 0;
    };

    static void run(QPromise<Outcome>& promise, MergeLoadJob* job, LoadFunction load,
                    MergeFunction merge, quint64 generation, const Run& request);
    void post(quint64 generation, const LoadProgressInfo& progress);
    void finish(quint64 generation, const QFuture<Outcome>& future);

    LoadFunction m_load;
    MergeFunction m_merge;
    std::uint64_t m_memoryBudget = defaultMemoryBudget();
    QThreadPool m_pool;
    QFuture<Outcome> m_future;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace tcpladder::ui
