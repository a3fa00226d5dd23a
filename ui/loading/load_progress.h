#pragma once

#include "load/capture_loader.h"

#include <QMetaType>
#include <cstdint>

namespace tcpladder::ui {

// Where a running load is: reading packets (bytes of the file), then working
// out the per-connection facts (connections done of all).
struct LoadProgressInfo {
    enum class Stage : std::uint8_t { Reading, Analysing };
    Stage stage = Stage::Reading;
    LoadProgress reading;
    std::uint64_t connectionsAnalysed = 0;
};

} // namespace tcpladder::ui

Q_DECLARE_METATYPE(tcpladder::ui::LoadProgressInfo)
