#pragma once

#include "loading/capture_snapshot.h"

#include <QLabel>

namespace tcpladder::ui {

// One line about the open capture: file, link type, packets, connections,
// duration and how long the load took.
class CaptureSummaryLine : public QLabel {
    Q_OBJECT

public:
    explicit CaptureSummaryLine(QWidget* parent = nullptr);
    void setSnapshot(const SnapshotPtr& snapshot);
};

} // namespace tcpladder::ui
