#include "merged/merged_packet_details_pane.h"

#include "ladder/merged_ladder_text.h"
#include "loading/packet_details_job.h"
#include "merged/merged_packet_details_text.h"
#include "merged/merged_sides.h"
#include "widgets/details_tree.h"

#include <QVBoxLayout>

namespace tcpladder::ui {

MergedPacketDetailsPane::MergedPacketDetailsPane(QWidget* parent)
    : QWidget(parent), m_tree(new DetailsTree(this)), m_job(new PacketDetailsJob(this)) {
    setObjectName(QStringLiteral("mergedPacketDetails"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(
        m_job, &PacketDetailsJob::detailsRead, this,
        [this](quint64 generation, const std::shared_ptr<const PacketDetailsJob::Details>& read) {
            if (generation != m_generation || !m_merged || m_packet < 0)
                return;
            // The reads came back in the order asked: the points that saw it, 0 then 1.
            const MergedConnection& conn =
                m_merged->connections[static_cast<std::size_t>(m_connection)];
            const MergedPacket& packet = conn.packets[static_cast<std::size_t>(m_packet)];
            MergedPacketDetails details;
            std::size_t next = 0;
            for (int point = 0; point < 2; ++point)
                if (recordIfSeen(*m_merged, conn, packet, point) && next < read->size())
                    details[static_cast<std::size_t>(point)] = (*read)[next++];
            showDetails(&details);
            emit detailsShown();
        });
    m_tree->clearSections(tr("No packet selected"));
}

void MergedPacketDetailsPane::setPacket(MergedPtr merged, int connection, qint64 packet) {
    m_merged = std::move(merged);
    m_connection = connection;
    m_packet = packet;
    if (!m_merged || connection < 0 || packet < 0 ||
        static_cast<std::size_t>(connection) >= m_merged->connections.size() ||
        static_cast<std::size_t>(packet) >=
            m_merged->connections[static_cast<std::size_t>(connection)].packets.size()) {
        m_packet = -1;
        m_job->cancel();
        m_tree->clearSections(tr("No packet selected"));
        return;
    }
    const MergedConnection& conn = m_merged->connections[static_cast<std::size_t>(connection)];
    const MergedPacket& picked = conn.packets[static_cast<std::size_t>(packet)];
    std::vector<PacketDetailsJob::Target> targets;
    for (int point = 0; point < 2; ++point) {
        if (recordIfSeen(*m_merged, conn, picked, point))
            targets.push_back({m_merged->points[point],
                               static_cast<std::uint32_t>(conn.connection[point]),
                               static_cast<std::size_t>(picked.index[point])});
    }
    // What the merge knows shows now; the re-read headers when the worker has them.
    showDetails(nullptr);
    m_generation = m_job->request(std::move(targets));
}

void MergedPacketDetailsPane::showDetails(const MergedPacketDetails* details) {
    const MergedConnection& conn = m_merged->connections[static_cast<std::size_t>(m_connection)];
    const auto index = static_cast<std::size_t>(m_packet);
    const MergedLabelText label = mergedLabelText(*m_merged, conn, index, conn.firstTime);
    m_tree->setSections(
        tr("Merged packet %1 · frames %2").arg(index + 1).arg(label.frames),
        describeMergedPacket(*m_merged, conn, index, details ? *details : MergedPacketDetails{}));
}

QString MergedPacketDetailsPane::title() const {
    return m_tree->title();
}

QString MergedPacketDetailsPane::text() const {
    return m_tree->text();
}

} // namespace tcpladder::ui
