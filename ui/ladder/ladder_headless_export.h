#pragma once

#include "load/loaded_capture.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <optional>

namespace tcpladder::ui {

// What `tcpladder CAPTURE --connection ID --export-ladder
// OUT.png|.svg|.pdf|.txt|.mmd|.puml // [--packets A-B] [--scale 2] [--flat] [--per-packet]` asks of
// the ladder; app/gui's one command-line parser fills it in.
struct LadderExportSettings {
    QString output;
    std::optional<std::uint64_t> firstFrame; // frame numbers as the ladder labels them,
    std::optional<std::uint64_t> lastFrame;  // inclusive
    double scale = 1;                        // pixel ratio of a PNG
    bool flat = false;                       // arrows at capture time
    bool perPacket = false;                  // one row per packet instead of true time
};

// Writes the ladder of `connection` (which must exist) without a window.
// Needs a QApplication. Returns an empty string when written, else why not.
QString writeLadderExport(std::shared_ptr<const LoadedCapture> capture, std::uint32_t connection,
                          const LadderExportSettings& settings);

} // namespace tcpladder::ui
