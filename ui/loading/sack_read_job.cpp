#include "loading/sack_read_job.h"

namespace tcpladder::ui {

SackReadJob::SackReadJob(QObject* parent) : QObject(parent) {}

void SackReadJob::request(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                          std::vector<std::size_t> indexes) {
    const quint64 generation = m_worker.supersede();
    using Outcome = std::shared_ptr<const Read>;
    m_worker.run(
        this, generation,
        [capture = std::move(capture), connection, indexes = std::move(indexes)]() -> Outcome {
            auto read = std::make_shared<Read>();
            read->capture = capture.get();
            read->connection = connection;
            read->blocks.reserve(indexes.size());
            for (const std::size_t index : indexes)
                read->blocks.emplace_back(index, readSackBlocks(*capture, connection, index));
            return read;
        },
        [this](const Outcome& read) { emit blocksRead(read); });
}

} // namespace tcpladder::ui
