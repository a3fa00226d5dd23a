#include "loading/merge_load_job.h"

#include "format/file_path.h"
#include "loading/merge_engine.h"
#include "merge/two_point_loader.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>

namespace tcpladder::ui {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kProgressInterval = std::chrono::milliseconds(50);

} // namespace

MergeLoadJob::MergeLoadJob(QObject* parent)
    : QObject(parent), m_load([](const std::string& path, const LoadOptions& options) {
          return loadCapture(path, options);
      }),
      m_merge(&runMergeEngine) {
    qRegisterMetaType<LoadProgressInfo>();
    qRegisterMetaType<MergedPtr>();
}

MergeLoadJob::~MergeLoadJob() {
    m_future.cancel();
    m_pool.waitForDone();
}

bool MergeLoadJob::waitForIdle(int timeoutMs) {
    return m_pool.waitForDone(timeoutMs);
}

void MergeLoadJob::start(const QString& first, const QString& second,
                         std::shared_ptr<const LoadedCapture> firstLoaded,
                         const MergeOptions& options) {
    if (m_running)
        m_future.cancel();
    const quint64 generation = ++m_generation;
    m_running = true;
    emit started(first + QStringLiteral(" + ") + second);
    Run request{
        {pathToBytes(first), pathToBytes(second)}, std::move(firstLoaded), options, m_memoryBudget};
    m_future =
        QtConcurrent::run(&m_pool, &MergeLoadJob::run, this, m_load, m_merge, generation, request);
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        finish(generation, watcher->future());
        watcher->deleteLater();
    });
    watcher->setFuture(m_future);
}

void MergeLoadJob::cancel() {
    if (!m_running)
        return;
    m_future.cancel();
    ++m_generation;
    m_running = false;
    emit cancelled();
}

void MergeLoadJob::post(quint64 generation, const LoadProgressInfo& progress) {
    QMetaObject::invokeMethod(
        this,
        [this, generation, progress] {
            if (generation == m_generation && m_running)
                emit progressed(progress);
        },
        Qt::QueuedConnection);
}

void MergeLoadJob::finish(quint64 generation, const QFuture<Outcome>& future) {
    if (generation != m_generation || !m_running)
        return;
    m_running = false;
    if (future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.merged)
        emit merged(outcome.merged);
    else
        emit failed(outcome.path, outcome.error);
}

void MergeLoadJob::run(QPromise<Outcome>& promise, MergeLoadJob* job, LoadFunction load,
                       MergeFunction merge, quint64 generation, const Run& request) {
    auto last = Clock::now() - kProgressInterval;
    std::array<std::shared_ptr<const LoadedCapture>, 2> captures{request.firstLoaded, nullptr};
    for (int point = 0; point < 2; ++point) {
        if (captures[point])
            continue;
        LoadOptions options = pointLoadOptions({});
        options.memoryBudget = request.memoryBudget;
        options.progress = [&](const LoadProgress& reading) {
            if (promise.isCanceled())
                return false;
            if (const auto now = Clock::now(); now - last >= kProgressInterval) {
                last = now;
                LoadProgressInfo progress;
                progress.reading = reading;
                job->post(generation, progress);
            }
            return true;
        };
        auto loaded = load(request.paths[point], options);
        if (promise.isCanceled())
            return;
        if (!loaded) {
            promise.addResult(
                Outcome{{}, pathFromBytes(request.paths[point]), pathFromBytes(loaded.error())});
            return;
        }
        captures[point] = std::move(loaded.value());
    }
    auto merged = merge(captures[0], captures[1], request.options);
    if (promise.isCanceled())
        return;
    if (!merged) {
        // The merge's reason is about the pair, so both files are named.
        const QString pair = pathFromBytes(request.paths[0]) + QStringLiteral(" + ") +
                             pathFromBytes(request.paths[1]);
        promise.addResult(
            Outcome{{}, pair, pair + QStringLiteral(": ") + pathFromBytes(merged.error())});
        return;
    }
    promise.addResult(
        Outcome{std::make_shared<const MergedCapture>(std::move(merged.value())), {}, {}});
}

} // namespace tcpladder::ui
