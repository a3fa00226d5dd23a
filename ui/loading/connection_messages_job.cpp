#include "loading/connection_messages_job.h"

#include "view_state/connection_view_state.h"

namespace tcpladder::ui {

ConnectionMessagesJob::ConnectionMessagesJob(ConnectionViewState* state, QObject* parent)
    : QObject(parent), m_state(state),
      m_read([](const LoadedCapture& capture, std::uint32_t connection) {
          return readConnectionMessages(capture, connection);
      }) {
    qRegisterMetaType<std::shared_ptr<const LadderMessages>>();
    connect(state, &ConnectionViewState::connectionChanged, this, &ConnectionMessagesJob::request);
    connect(this, &ConnectionMessagesJob::messagesReady, state, &ConnectionViewState::setMessages);
    request();
}

ConnectionMessagesJob::~ConnectionMessagesJob() = default;

bool ConnectionMessagesJob::waitForIdle(int timeoutMs) {
    return m_worker.waitForIdle(timeoutMs);
}

void ConnectionMessagesJob::request() {
    const quint64 generation = m_worker.supersede();
    const std::shared_ptr<const LoadedCapture> capture = m_state->capture();
    const int connection = m_state->connection();
    if (!capture || connection < 0)
        return;
    m_worker.run(
        this, generation,
        [capture, connection, read = m_read]() -> Outcome {
            const auto id = static_cast<std::uint32_t>(connection);
            auto result = read(*capture, id);
            if (!result)
                return {nullptr, QString::fromStdString(result.error())};
            return {std::make_shared<const LadderMessages>(
                        placeMessages(*capture, id, std::move(result.value()))),
                    {}};
        },
        [this, connection](const Outcome& outcome) { finish(connection, outcome); });
}

void ConnectionMessagesJob::finish(int connection, const Outcome& outcome) {
    if (outcome.messages)
        emit messagesReady(outcome.messages);
    else if (!outcome.error.isEmpty())
        emit messagesFailed(connection, outcome.error);
}

} // namespace tcpladder::ui
