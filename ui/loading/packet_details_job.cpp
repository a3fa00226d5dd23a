#include "loading/packet_details_job.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace tcpladder::ui {

PacketDetailsJob::PacketDetailsJob(QObject* parent) : QObject(parent) {
    // One read at a time, in the order asked: a quick run of selections
    // queues rather than racing for the file.
    m_pool.setMaxThreadCount(1);
}

PacketDetailsJob::~PacketDetailsJob() {
    ++m_generation;
    m_pool.waitForDone();
}

bool PacketDetailsJob::waitForIdle(int timeoutMs) {
    return m_pool.waitForDone(timeoutMs);
}

quint64 PacketDetailsJob::request(std::vector<Target> targets) {
    const quint64 generation = ++m_generation;
    using Outcome = std::shared_ptr<const Details>;
    const QFuture<Outcome> future =
        QtConcurrent::run(&m_pool, [this, generation, targets = std::move(targets)]() -> Outcome {
            if (generation != m_generation)
                return {};
            auto details = std::make_shared<Details>();
            for (const Target& target : targets)
                details->push_back(
                    readPacketDetails(*target.capture, target.connection, target.index));
            return details;
        });
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const Outcome details =
            watcher->future().resultCount() ? watcher->future().result() : Outcome();
        watcher->deleteLater();
        if (details && generation == m_generation)
            emit detailsRead(generation, details);
    });
    watcher->setFuture(future);
    return generation;
}

} // namespace tcpladder::ui
