#pragma once

#include "analysis/connection_facts.h"
#include "load/loaded_capture.h"

#include <QMetaType>
#include <memory>
#include <vector>

namespace tcpladder::ui {

// One loaded capture and what the table needs of it: built on the loading
// thread, then shared read-only by every view.
struct CaptureSnapshot {
    std::shared_ptr<const LoadedCapture> capture;
    std::vector<ConnectionFacts> facts; // by connection id
};

using SnapshotPtr = std::shared_ptr<const CaptureSnapshot>;

} // namespace tcpladder::ui

Q_DECLARE_METATYPE(tcpladder::ui::SnapshotPtr)
