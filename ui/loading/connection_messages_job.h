#pragma once

#include "ladder/ladder_messages.h"
#include "loading/newest_read_worker.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace tcpladder::ui {

class ConnectionViewState;

// Reads the application messages of the selected connection on a worker
// thread (its packets re-read from the file, never on the GUI thread) and
// hands them to the shared view state when ready. Selecting another
// connection or capture bumps a generation counter, so a result for one
// selected before is dropped.
class ConnectionMessagesJob : public QObject {
    Q_OBJECT

public:
    // The core's readConnectionMessages, or a stand-in a test puts there.
    using ReadFunction = std::function<Result<ConnectionMessages>(const LoadedCapture& capture,
                                                                  std::uint32_t connection)>;

    explicit ConnectionMessagesJob(ConnectionViewState* state, QObject* parent = nullptr);
    // Waits for a read still running: it holds the capture.
    ~ConnectionMessagesJob() override;

    void setReadFunction(ReadFunction read) { m_read = std::move(read); }
    // Blocks until no read runs on the worker any more.
    bool waitForIdle(int timeoutMs = -1);

signals:
    void messagesReady(const std::shared_ptr<const tcpladder::ui::LadderMessages>& messages);
    // A capture read from a pipe cannot be re-read; the reason says so.
    void messagesFailed(int connection, const QString& reason);

private:
    struct Outcome {
        std::shared_ptr<const LadderMessages> messages;
        QString error;
    };

    void request();
    void finish(int connection, const Outcome& outcome);

    ConnectionViewState* m_state;
    ReadFunction m_read;
    NewestReadWorker m_worker;
};

} // namespace tcpladder::ui
