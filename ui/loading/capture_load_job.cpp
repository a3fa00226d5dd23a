#include "loading/capture_load_job.h"

#include "format/file_path.h"
#include "load/capture_loader.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>

namespace tcpladder::ui {
namespace {

using Clock = std::chrono::steady_clock;
// Progress reaches the GUI at most this often ("don't spam the progress bar").
constexpr auto kProgressInterval = std::chrono::milliseconds(50);

class Throttle {
public:
    bool due() {
        const auto now = Clock::now();
        if (now - m_last < kProgressInterval)
            return false;
        m_last = now;
        return true;
    }

private:
    Clock::time_point m_last = Clock::now() - kProgressInterval;
};

} // namespace

CaptureLoadJob::CaptureLoadJob(QObject* parent)
    : QObject(parent), m_load([](const std::string& path, const LoadOptions& options) {
          return loadCapture(path, options);
      }) {
    qRegisterMetaType<LoadProgressInfo>();
    qRegisterMetaType<SnapshotPtr>();
}

CaptureLoadJob::~CaptureLoadJob() {
    m_future.cancel();
    m_pool.waitForDone();
}

bool CaptureLoadJob::waitForIdle(int timeoutMs) {
    return m_pool.waitForDone(timeoutMs);
}

void CaptureLoadJob::start(const QString& path) {
    dropRunning();
    const quint64 generation = ++m_generation;
    m_running = true;
    m_path = path;
    emit started(path);
    m_future = QtConcurrent::run(&m_pool, &CaptureLoadJob::run, this, m_load, generation,
                                 pathToBytes(path), m_memoryBudget);
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        finish(generation, watcher->future());
        watcher->deleteLater();
    });
    watcher->setFuture(m_future);
}

void CaptureLoadJob::cancel() {
    if (!m_running)
        return;
    dropRunning();
    emit cancelled(m_path);
}

void CaptureLoadJob::dropRunning() {
    if (!m_running)
        return;
    m_future.cancel();
    ++m_generation;
    m_running = false;
}

void CaptureLoadJob::post(quint64 generation, const LoadProgressInfo& progress) {
    QMetaObject::invokeMethod(
        this,
        [this, generation, progress] {
            if (generation == m_generation && m_running)
                emit progressed(progress);
        },
        Qt::QueuedConnection);
}

void CaptureLoadJob::finish(quint64 generation, const QFuture<Outcome>& future) {
    if (generation != m_generation || !m_running)
        return;
    m_running = false;
    if (future.resultCount() == 0) {
        emit cancelled(m_path);
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.snapshot)
        emit loaded(outcome.snapshot);
    else
        emit failed(m_path, outcome.error);
}

void CaptureLoadJob::run(QPromise<Outcome>& promise, CaptureLoadJob* job, LoadFunction load,
                         quint64 generation, const std::string& path, std::uint64_t memoryBudget) {
    Throttle throttle;
    LoadProgressInfo progress;
    LoadOptions options;
    options.memoryBudget = memoryBudget;
    options.progress = [&](const LoadProgress& reading) {
        if (promise.isCanceled())
            return false;
        if (throttle.due()) {
            progress.reading = reading;
            job->post(generation, progress);
        }
        return true;
    };
    auto loaded = load(path, options);
    if (promise.isCanceled())
        return;
    if (!loaded) {
        // The reason names the file; its bytes survive as they are in the path.
        promise.addResult(Outcome{{}, pathFromBytes(loaded.error())});
        return;
    }
    std::shared_ptr<const LoadedCapture> capture = std::move(loaded.value());
    progress.stage = LoadProgressInfo::Stage::Analysing;
    progress.reading.bytesRead = capture->fileSize;
    progress.reading.connections = capture->connections.size();
    job->post(generation, progress);
    auto facts = computeConnectionFacts(*capture, [&](std::size_t done) {
        if (promise.isCanceled())
            return false;
        if (throttle.due()) {
            progress.connectionsAnalysed = done;
            job->post(generation, progress);
        }
        return true;
    });
    if (!facts || promise.isCanceled())
        return;
    auto snapshot = std::make_shared<CaptureSnapshot>();
    snapshot->capture = std::move(capture);
    snapshot->facts = std::move(*facts);
    promise.addResult(Outcome{std::move(snapshot), {}});
}

} // namespace tcpladder::ui
