#pragma once

#include "ladder/ladder_layout.h"

#include <QString>
#include <cstddef>
#include <optional>

namespace tcpladder::ui {

// The ladder as text, for Markdown tickets and docs under version control:
// the seed's text ladder (`-->[frame] time flags seq ack len win` with the
// analysis words), a Mermaid sequenceDiagram or a PlantUML sequence diagram.
enum class LadderTextFormat { Text, Mermaid, PlantUml };

// From the file name's suffix (.txt, .mmd, .puml); nothing when unknown.
std::optional<LadderTextFormat> ladderTextFormatForPath(const QString& path);

// Packets [first, last) of the layout's connection, one line per label of
// the picture at that layout: the same bundles, in frame order of their
// first packet, with idle breaks and clock steps as notes.
QString ladderText(const LadderLayout& layout, std::size_t first, std::size_t last,
                   LadderTextFormat format);

} // namespace tcpladder::ui
