#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace tcpladder::ui {

// `tcpladder CAPTURE --connection ID --export-ladder OUT.png|.svg|.pdf|.txt|.mmd|.puml
//  [--packets A-B] [--scale 2] [--flat] [--per-packet]`: A and B are frame
// numbers (as the ladder labels them), inclusive.
struct LadderExportCommand {
    QString capture;
    int connection = -1;
    QString output;
    std::optional<std::uint64_t> firstFrame;
    std::optional<std::uint64_t> lastFrame;
    double scale = 1;
    bool flat = false;
    bool perPacket = false;
};

// True when the command line asks for a headless ladder export.
bool wantsLadderExport(int argc, const char* const* argv);
bool wantsLadderExport(const QStringList& arguments);
// Call before constructing QApplication: with --export-ladder present and no
// platform chosen, selects the offscreen platform so no display is needed.
void prepareLadderExportPlatform(int argc, const char* const* argv);

std::optional<LadderExportCommand> parseLadderExportCommand(const QStringList& arguments,
                                                            QString* error);
// Loads the capture synchronously, writes the file, returns the process exit
// code (0 written, 1 failed, 2 usage); messages go to stderr.
int runLadderExport(const QStringList& arguments);

} // namespace tcpladder::ui
