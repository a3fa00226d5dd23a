#pragma once

#include "merged/merged_packet_details_text.h"
#include "merged/merged_ptr.h"

#include <QWidget>

namespace tcpladder::ui {

class DetailsTree;
class PacketDetailsJob;

// The packet picked in the merged ladder: what the merge found of it, then
// the fields each capture that saw it holds. What the merge and the index
// know shows at once; the headers re-read from the files follow from a
// worker thread.
class MergedPacketDetailsPane : public QWidget {
    Q_OBJECT

public:
    explicit MergedPacketDetailsPane(QWidget* parent = nullptr);

    // `packet` indexes the merged connection's packets; -1: none selected.
    void setPacket(MergedPtr merged, int connection, qint64 packet);
    QString title() const;
    // The shown fields as "Section / Field: value" lines, for tests and copying.
    QString text() const;
    PacketDetailsJob* job() const { return m_job; }

signals:
    // The headers re-read from the files are shown.
    void detailsShown();

private:
    void showDetails(const MergedPacketDetails* details);

    MergedPtr m_merged;
    int m_connection = -1;
    qint64 m_packet = -1;
    quint64 m_generation = 0; // of the read for the packet shown
    DetailsTree* m_tree;
    PacketDetailsJob* m_job;
};

} // namespace tcpladder::ui
