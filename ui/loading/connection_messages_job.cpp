#include "loading/connection_messages_job.h"

#include "view_state/connection_view_state.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace tcpladder::ui {

ConnectionMessagesJob::ConnectionMessagesJob(ConnectionViewState* state, QObject* parent)
    : QObject(parent), m_state(state),
      m_read([](const LoadedCapture& capture, std::uint32_t connection) {
          return readConnectionMessages(capture, connection);
      }) {
    qRegisterMetaType<std::shared_ptr<const LadderMessages>>();
    // One read at a time: a newer selection queues behind the one running
    // rather than racing it for the file.
    m_pool.setMaxThreadCount(1);
    connect(state, &ConnectionViewState::connectionChanged, this, &ConnectionMessagesJob::request);
    connect(this, &ConnectionMessagesJob::messagesReady, state, &ConnectionViewState::setMessages);
    request();
}

ConnectionMessagesJob::~ConnectionMessagesJob() {
    ++m_generation;
    m_pool.waitForDone();
}

bool ConnectionMessagesJob::waitForIdle(int timeoutMs) {
    return m_pool.waitForDone(timeoutMs);
}

void ConnectionMessagesJob::request() {
    const quint64 generation = ++m_generation;
    const std::shared_ptr<const LoadedCapture> capture = m_state->capture();
    const int connection = m_state->connection();
    if (!capture || connection < 0)
        return;
    // The job's generation, read on the worker: a read still queued when the
    // selection moves on is skipped rather than done for nothing.
    const QFuture<Outcome> future = QtConcurrent::run(
        &m_pool, [this, generation, capture, connection, read = m_read]() -> Outcome {
            if (generation != m_generation)
                return {};
            const auto id = static_cast<std::uint32_t>(connection);
            auto result = read(*capture, id);
            if (!result)
                return {nullptr, QString::fromStdString(result.error())};
            return {std::make_shared<const LadderMessages>(
                        placeMessages(*capture, id, std::move(result.value()))),
                    {}};
        });
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, connection] {
        finish(generation, connection, watcher->future());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

void ConnectionMessagesJob::finish(quint64 generation, int connection,
                                   const QFuture<Outcome>& future) {
    if (generation != m_generation || future.resultCount() == 0)
        return;
    const Outcome outcome = future.result();
    if (outcome.messages)
        emit messagesReady(outcome.messages);
    else if (!outcome.error.isEmpty())
        emit messagesFailed(connection, outcome.error);
}

} // namespace tcpladder::ui
