#include "loading/packet_details_job.h"

namespace tcpladder::ui {

PacketDetailsJob::PacketDetailsJob(QObject* parent) : QObject(parent) {}

quint64 PacketDetailsJob::request(std::vector<Target> targets) {
    const quint64 generation = m_worker.supersede();
    using Outcome = std::shared_ptr<const Details>;
    m_worker.run(
        this, generation,
        [targets = std::move(targets)]() -> Outcome {
            auto details = std::make_shared<Details>();
            for (const Target& target : targets)
                details->push_back(
                    readPacketDetails(*target.capture, target.connection, target.index));
            return details;
        },
        [this, generation](const Outcome& details) { emit detailsRead(generation, details); });
    return generation;
}

} // namespace tcpladder::ui
